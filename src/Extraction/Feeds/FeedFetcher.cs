using Extraction.Fetch;

namespace Extraction.Feeds;

/// <summary>
/// Reads the feeds of a run for <see cref="FeedSource"/>: the feed list, each feed's documents (a sitemap index's
/// sitemaps followed, within the limits; conditionally when the store has the last body), and the items --since and
/// --max-items keep. A feed that cannot be read is a failure naming it.
/// </summary>
internal sealed class FeedFetcher(FeedOptions options, TimeProvider time, FeedState? state, Func<InputItem, CancellationToken, Task<FetchOutcome>> fetch)
{
    /// <summary>The feed URLs of <paramref name="options"/> (given and listed in its file), normalised and distinct; bad lines become failures.</summary>
    public static List<string> FeedUrls(FeedOptions options, List<InputFailure> failures)
    {
        var lines = new List<string>(options.Feeds);
        if (options.FeedsFile is { } file)
        {
            try
            {
                lines.AddRange(File.ReadAllLines(file));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures.Add(new InputFailure(file, $"cannot read the feed list: {ex.Message}"));
            }
        }

        var urls = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var url = LinkNormalizer.Normalize(line, null, out var reason);
            if (url is null)
            {
                failures.Add(new InputFailure(line, $"not a feed URL: {reason}"));
            }
            else if (!urls.Contains(url, StringComparer.Ordinal))
            {
                urls.Add(url);
            }
        }

        return urls;
    }

    /// <summary>The items of one feed (a sitemap index's sitemaps followed), and failures naming the document and reason.</summary>
    public async Task<(List<FeedEntry> Entries, List<InputFailure> Failures)> ReadFeedAsync(FeedReport report, CancellationToken ct)
    {
        var entries = new List<FeedEntry>();
        var failures = new List<InputFailure>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { report.Url };
        var pending = new Queue<(string Url, int Depth, string? ListedBy)>();
        pending.Enqueue((report.Url, 0, null));
        while (pending.TryDequeue(out var next))
        {
            var (document, error) = await ReadDocumentAsync(next.Url, report, ct);
            if (document is null)
            {
                Fail(next.Url, next.ListedBy is null ? error! : $"{error} (sitemap listed in {next.ListedBy})");
                continue;
            }

            report.Kind ??= document.Kind;
            entries.AddRange(document.Entries);
            foreach (var child in document.Sitemaps)
            {
                var url = LinkNormalizer.Normalize(child.Link, new Uri(next.Url), out var reason);
                if (options.Since is { } since && child.LastModified < since)
                {
                    // Nothing in it changed since --since: an archive sitemap of an earlier month is not read.
                    report.SitemapsSkipped++;
                }
                else if (url is null)
                {
                    Fail(next.Url, $"sitemap index lists an unusable sitemap: {reason}");
                }
                else if (!visited.Add(url))
                {
                    Fail(next.Url, $"sitemap index loop: {url} is listed again (by {next.Url}); not read twice");
                }
                else if (next.Depth + 1 > options.MaxDepth)
                {
                    Fail(next.Url, $"sitemap indexes nested deeper than {options.MaxDepth}; {url} not read");
                }
                else if (visited.Count > options.MaxSitemaps)
                {
                    Fail(next.Url, $"more than {options.MaxSitemaps} sitemaps under {report.Url}; the rest not read");
                    break;
                }
                else
                {
                    pending.Enqueue((url, next.Depth + 1, next.Url));
                }
            }
        }

        report.Counts.AddSeen(entries.Count);
        return (entries, failures);

        void Fail(string url, string reason)
        {
            // A feed that cannot be read fails where a page would: fetching (its status, robots.txt, or unreadable content).
            failures.Add(new InputFailure(url, reason) { Kind = FailureKind.Fetch });
            report.Failure = report.Failure is null ? reason : report.Failure + "; " + reason;
        }
    }

    /// <summary>Fetches one feed document (conditionally when the store has its last body) and parses it.</summary>
    private async Task<(FeedDocument? Document, string? Error)> ReadDocumentAsync(string url, FeedReport report, CancellationToken ct)
    {
        var stored = state?.Feed(url);
        var item = new InputItem(url, url, InputKind.Url)
        {
            IsFeed = true,
            Conditions = stored?.Body is null ? null : new FetchConditions(stored.ETag, stored.LastModified),
        };
        FetchOutcome outcome;
        try
        {
            outcome = await fetch(item, ct);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            // One feed's trouble stays that feed's: it is named with the reason, the others go on.
            outcome = FetchOutcome.Fail(url, $"internal error: {ex.GetType().Name}: {ex.Message}");
        }

        var now = time.GetUtcNow();
        byte[] body;
        string? mediaType = null;
        if (outcome.NotModified && stored?.Body is { } kept)
        {
            body = kept;
            report.DocumentsNotModified++;
        }
        else if (outcome.Document is { } document)
        {
            body = document.Content;
            mediaType = document.MediaType;
        }
        else
        {
            var reason = outcome.Failure?.Reason ?? "HTTP 304 without a stored copy";
            state?.SaveFeed(url, now, null, null, null, reason);
            return (null, reason);
        }

        report.Documents++;
        var parsed = FeedParser.Parse(body, mediaType, options.MaxBytes);
        if (parsed.Document is null)
        {
            state?.SaveFeed(url, now, null, null, null, parsed.Error);
            return (null, parsed.Error);
        }

        if (outcome.Document is { } fresh)
        {
            state?.SaveFeed(url, now, fresh.ETag, fresh.LastModified, body, null);
        }
        else
        {
            state?.SaveFeed(url, now, stored!.ETag, stored.LastModified, null, null);
        }

        return (parsed.Document, null);
    }

    /// <summary>Applies --since and --max-items (newest first; undated items after dated ones, in feed order).</summary>
    public List<FeedEntry> Select(List<FeedEntry> entries, FeedCounts counts)
    {
        var kept = options.Since is { } since
            ? entries.Where(e => e.Stamp is not { } d || d >= since).ToList()
            : entries;
        if (options.MaxItems is { } max && kept.Count > max)
        {
            kept = kept
                .Select((e, i) => (e, i))
                .OrderBy(x => x.e.Stamp is null)
                .ThenByDescending(x => x.e.Stamp)
                .ThenBy(x => x.i)
                .Take(max)
                .Select(x => x.e)
                .ToList();
        }

        counts.AddSkipped(entries.Count - kept.Count);
        return kept;
    }
}
