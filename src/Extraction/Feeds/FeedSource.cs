using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Extraction.Fetch;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Feeds;

/// <summary>
/// Reads news feeds and sitemaps at the start of a run and turns their items into inputs: a link the store has not
/// seen is fetched; a known one is fetched (conditionally) only when its feed date moved, else its stored result is
/// used without a request. Feeds are fetched conditionally too, and read again from the store on 304. One broken
/// feed is a failure naming it; the others go on.
/// </summary>
public sealed class FeedSource : IRunSource, IDisposable
{
    private readonly FeedOptions _options;
    private readonly TimeProvider _time;
    private readonly List<FeedReport> _reports = [];
    private readonly ConcurrentDictionary<string, Plan> _plans = new(StringComparer.Ordinal);
    private FeedState? _state;
    private Func<InputItem, CancellationToken, Task<FetchOutcome>>? _fetch;

    /// <summary>Builds a source; throws <see cref="ArgumentException"/> naming a bad option.</summary>
    public FeedSource(FeedOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxItems is < 1)
        {
            throw new ArgumentException($"--max-items must be at least 1 (got {options.MaxItems})", nameof(options));
        }

        if (options.Feeds.Count == 0 && options.FeedsFile is null)
        {
            throw new ArgumentException("no feeds given", nameof(options));
        }

        _options = options;
        _time = time;
        Inputs = [.. options.Feeds, .. options.FeedsFile is null ? [] : new[] { "feeds:" + Path.GetFullPath(options.FeedsFile) }];
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>Each feed of the run, in the order listed, with its counts (complete once the run is).</summary>
    public IReadOnlyList<FeedReport> Reports => _reports;

    /// <inheritdoc/>
    public async Task<SourceInputs> ResolveAsync(RunSourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _fetch = context.Fetch;
        var failures = new List<InputFailure>();
        var urls = FeedFetcher.FeedUrls(_options, failures);
        _state = context.StorePath is null ? null : FeedState.Open(context.StorePath);
        var reader = new FeedFetcher(_options, _time, _state, context.Fetch);
        var known = _state?.Items() ?? new Dictionary<string, KnownItem>();

        _reports.AddRange(urls.Select(u => new FeedReport(u)));
        var found = new List<FeedEntry>[_reports.Count];
        var feedFailures = new List<InputFailure>[_reports.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, _reports.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => (found[i], feedFailures[i]) = await reader.ReadFeedAsync(_reports[i], ct));

        // Items go to the first feed that lists them, in the order the feeds are given.
        var items = new List<InputItem>();
        for (var i = 0; i < _reports.Count; i++)
        {
            failures.AddRange(feedFailures[i]);
            var report = _reports[i];
            foreach (var entry in reader.Select(found[i], report.Counts))
            {
                var link = LinkNormalizer.Normalize(entry.Link, new Uri(report.Url), out _);
                if (link is null || _plans.ContainsKey(link))
                {
                    report.Counts.AddSkipped(1);
                    continue;
                }

                var plan = PlanFor(link, report, entry, known.GetValueOrDefault(link), context.HasResult);
                _plans[link] = plan;
                items.Add(plan.Item);
            }
        }

        return new SourceInputs(items, failures);
    }

    /// <inheritdoc/>
    public async Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var plan = _plans[item.ArticleId];
        if (plan.Reuse)
        {
            return FetchOutcome.Unchanged(plan.Known!.Sha256);
        }

        var outcome = await _fetch!(item, cancellationToken);
        plan.Report.Counts.CountFetched(outcome.NotModified);
        if (outcome.NotModified)
        {
            return FetchOutcome.Unchanged(plan.Known?.Sha256);
        }

        if (outcome.Document is { } document)
        {
            plan.Validators = new FetchConditions(document.ETag, document.LastModified);
        }

        return outcome;
    }

    /// <inheritdoc/>
    public Article Complete(InputItem item, Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (item is null || !_plans.TryGetValue(item.ArticleId, out var plan))
        {
            return article;
        }

        var entry = plan.Entry;
        return article with
        {
            Title = entry.Title is { } title && TitleIsGuessed(article) ? title : article.Title,
            Published = string.IsNullOrWhiteSpace(article.Published) && (entry.Published ?? entry.Updated) is { } date
                ? date.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)
                : article.Published,
            Author = string.IsNullOrWhiteSpace(article.Author) && entry.Author is { } author ? author : article.Author,
        };
    }

    /// <summary>
    /// A page with neither a title in its markup nor a headline-like line gets the start of its first paragraph as
    /// title (ending like a sentence, or cut off); a headline the feed gives beats that.
    /// </summary>
    internal static bool TitleIsGuessed(Article article)
    {
        var title = article.Title.Trim();
        if (title.Length == 0)
        {
            return true;
        }

        return article.Text.StartsWith(title, StringComparison.Ordinal)
            && (title[^1] is '.' or ':' or ',' or '!' or '?'
                || title.Length >= 160
                || title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 20);
    }

    /// <inheritdoc/>
    public void Done(ArticleOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!_plans.TryGetValue(outcome.Input.ArticleId, out var plan))
        {
            return;
        }

        var counts = plan.Report.Counts;
        if (outcome.Failure is not null || outcome.Sha256 is null)
        {
            // Not remembered: the next run fetches it again.
            counts.CountFailed();
            return;
        }

        var known = plan.Known;
        if (known is null)
        {
            counts.CountNew();
        }
        else if (known.Sha256 != outcome.Sha256)
        {
            counts.CountChanged();
        }
        else
        {
            counts.CountUnchanged();
        }

        if (plan.Reuse)
        {
            // Nothing new to remember: the store already holds this date, hash and validators.
            return;
        }

        var validators = plan.Validators ?? (known is null ? null : new FetchConditions(known.ETag, known.LastModified));
        _state?.SaveItem(
            new KnownItem(plan.Item.ArticleId, known?.Feed ?? plan.Report.Url, plan.Entry.Stamp, outcome.Sha256, validators?.ETag, validators?.LastModified),
            _time.GetUtcNow());
    }

    /// <inheritdoc/>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray("feeds");
        foreach (var r in _reports)
        {
            writer.WriteStartObject();
            writer.WriteString("feed", r.Url);
            writer.WriteString("status", r.Failure is null ? "ok" : "failed");
            if (r.Kind is { } kind)
            {
                writer.WriteString("kind", KindName(kind));
            }

            if (r.Failure is not null)
            {
                writer.WriteString("reason", r.Failure);
            }

            writer.WriteNumber("documents", r.Documents);
            writer.WriteNumber("documents_not_modified", r.DocumentsNotModified);
            writer.WriteNumber("sitemaps_skipped", r.SitemapsSkipped);
            var c = r.Counts;
            writer.WriteStartObject("counts");
            writer.WriteNumber("seen", c.Seen);
            writer.WriteNumber("new", c.New);
            writer.WriteNumber("changed", c.Changed);
            writer.WriteNumber("unchanged", c.Unchanged);
            writer.WriteNumber("skipped", c.Skipped);
            writer.WriteNumber("failed", c.Failed);
            writer.WriteNumber("fetched", c.Fetched);
            writer.WriteNumber("not_modified", c.NotModified);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>One line per feed for the run summary.</summary>
    public IEnumerable<string> SummaryLines()
    {
        foreach (var r in _reports)
        {
            var c = r.Counts;
            var feed = r.Documents == 0 ? "not read" : r.DocumentsNotModified == r.Documents ? "304" : "read";
            var line = FormattableString.Invariant(
                $"feed {r.Url} ({feed}): {c.Seen} seen, {c.New} new, {c.Changed} changed, {c.Unchanged} unchanged, {c.Skipped} skipped, {c.Failed} failed; {c.Fetched} pages fetched, {c.NotModified} of them 304");
            yield return r.Failure is null ? line : line + " - FAILED: " + r.Failure;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _state?.Dispose();

    internal static string KindName(FeedKind kind) => kind switch
    {
        FeedKind.Rss2 => "rss2",
        FeedKind.Rss1 => "rss1",
        FeedKind.Atom => "atom",
        FeedKind.Sitemap => "sitemap",
        FeedKind.SitemapIndex => "sitemap-index",
        FeedKind.GoogleNewsSitemap => "news-sitemap",
        _ => kind.ToString(),
    };

    private Plan PlanFor(string link, FeedReport report, FeedEntry entry, KnownItem? known, Func<string, string, bool> hasResult)
    {
        var item = new InputItem(link, link, InputKind.Url);
        if (known?.Sha256 is not { } sha || !hasResult(link, sha))
        {
            // Never fetched, or its result is not usable: fetched whole, and counted new when never seen.
            return new Plan(item, report, entry, known, Reuse: false);
        }

        if (!_options.Recheck && entry.Stamp == known.ItemDate)
        {
            return new Plan(item, report, entry, known, Reuse: true);
        }

        var conditions = new FetchConditions(known.ETag, known.LastModified);
        return new Plan(conditions.IsEmpty ? item : item with { Conditions = conditions }, report, entry, known, Reuse: false);
    }

    private sealed record Plan(InputItem Item, FeedReport Report, FeedEntry Entry, KnownItem? Known, bool Reuse)
    {
        /// <summary>The page's validators from this run's fetch.</summary>
        public FetchConditions? Validators { get; set; }
    }
}
