using System.CommandLine;
using System.Globalization;
using Extraction.Diff;
using Extraction.Model;
using Extraction.Output;
using Extraction.Report;
using Extraction.Store;

namespace Extraction.Cli;

/// <summary>
/// `extract diff`: what changed in records between two runs, from two output folders or a run store
/// (exit 0 none, 1 changes, 2 error). Removed records whose articles the newer run did not read are
/// "out of run", not changes.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var oldDir = new Argument<string?>("old-out-dir") { Description = "Output folder of the earlier run.", Arity = ArgumentArity.ZeroOrOne };
        var newDir = new Argument<string?>("new-out-dir") { Description = "Output folder of the later run.", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "text, json or html.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "html");
        var store = new Option<string?>("--store") { Description = "Compare two runs in this run store instead of two folders." };
        var from = new Option<long?>("--from") { Description = "With --store: the earlier run's id (default: the completed run before --to)." };
        var to = new Option<long?>("--to") { Description = "With --store: the later run's id (default: the last completed run)." };
        var htmlOut = new Option<string?>("--html-out") { Description = "Write the HTML report to this file (implies --format html); stdout gets the summary line." };
        var color = new Option<string>("--color") { Description = "Text colours: auto (when stdout is a terminal and NO_COLOR is unset), always or never.", DefaultValueFactory = _ => "auto" };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        var command = new Command("diff", "Added, removed and changed records between two runs (like git diff --exit-code). "
            + "A record whose articles the newer run did not read (dropped off a feed, file deleted, fetch failed) is 'out of run', "
            + "listed apart and not a change (exit 0 when nothing else changed); the newer run's articles come from its "
            + "articles.jsonl (an output folder without one: such records count as removed) or, with --store, from the store.")
        {
            oldDir, newDir, format, store, from, to, htmlOut, color,
        };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<ClaimRecord> before, after;
            DiffSides sides;
            Func<IReadOnlySet<string>, (MentionOffsets?, MentionOffsets?)> offsets;
            Func<NewRun?> newRun;
            try
            {
                var storePath = parse.GetValue(store);
                var (a, b) = (parse.GetValue(oldDir), parse.GetValue(newDir));
                if (storePath is not null)
                {
                    if (a is not null || b is not null)
                    {
                        throw new ArgumentException("give either two output folders or --store, not both");
                    }

                    (before, after, sides, offsets, newRun) = FromStore(storePath, parse.GetValue(from), parse.GetValue(to));
                }
                else
                {
                    if (a is null || b is null)
                    {
                        throw new ArgumentException("give two output folders (old, new), or --store <db> [--from ID] [--to ID]");
                    }

                    if (parse.GetValue(from) is not null || parse.GetValue(to) is not null)
                    {
                        throw new ArgumentException("--from and --to need --store");
                    }

                    (before, after, sides) = (Load(a), Load(b), new DiffSides(a, b));
                    offsets = articles => (FolderOffsets(a, articles), FolderOffsets(b, articles));
                    newRun = () => FolderRun(b);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException or StoreException or System.Text.Json.JsonException)
            {
                await stderr.WriteLineAsync("extract diff: " + ex.Message);
                return Cli.UsageError;
            }

            // Mention offsets pair what sentences cannot (a sentence split differently); they are read only
            // for articles where an added and a removed record are still apart.
            var diff = RecordDiff.Compare(before, after);
            if (Apart(diff) is { Count: > 0 } apart)
            {
                try
                {
                    var (oldOffsets, newOffsets) = offsets(apart);
                    if (oldOffsets is not null && newOffsets is not null)
                    {
                        diff = RecordDiff.Compare(before, after, oldOffsets, newOffsets);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or StoreException or System.Text.Json.JsonException)
                {
                    await stderr.WriteLineAsync("extract diff: mention offsets not read, records paired without them: " + ex.Message);
                }
            }

            // Which articles the newer run read: only asked when some record is removed.
            if (diff.Removed.Count > 0)
            {
                try
                {
                    if (newRun() is { } run)
                    {
                        diff = diff.SplitOutOfRun(run.Read.Contains);
                        if (diff.OutOfRun.Count > 0)
                        {
                            diff = diff.WithFailedArticles(run.Failed());
                        }
                    }
                    else
                    {
                        await stderr.WriteLineAsync($"extract diff: {parse.GetValue(newDir)} has no articles.jsonl: records of articles not in that run count as removed");
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or StoreException or System.Text.Json.JsonException)
                {
                    await stderr.WriteLineAsync("extract diff: the newer run's articles not read, records of articles not in it count as removed: " + ex.Message);
                }
            }

            var html = parse.GetValue(htmlOut);
            var fmt = html is not null ? "html" : parse.GetValue(format);
            if (fmt == "json")
            {
                await stdout.WriteLineAsync(DiffJson.Render(diff, sides));
            }
            else if (fmt == "html")
            {
                var page = DiffHtml.Render(diff, sides, TimeProvider.System.GetUtcNow());
                if (html is null)
                {
                    await stdout.WriteAsync(page);
                }
                else
                {
                    try
                    {
                        AtomicFile.WriteText(html, page);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        await stderr.WriteLineAsync($"extract diff: cannot write {html}: {ex.Message}");
                        return Cli.UsageError;
                    }

                    await stdout.WriteLineAsync($"{DiffText.Summary(diff)} -> {html}");
                }
            }
            else
            {
                var useColor = parse.GetValue(color) switch
                {
                    "always" => true,
                    "never" => false,
                    _ => ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
                };
                await DiffText.WriteAsync(stdout, diff, useColor);
            }

            // Records out of run are no change: a night where only articles left the feed exits 0.
            return diff.HasChanges ? 1 : 0;
        });
        return command;
    }

    private static List<ClaimRecord> Load(string dir)
    {
        var path = Path.Combine(dir, "records.jsonl");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file (is '{dir}' an output folder of 'extract run'?)");
        }

        return JsonFormats.ReadLines(path, JsonFormats.ReadRecord).ToList();
    }

    /// <summary>What the newer run read (articles with a result) and, asked only when needed, why others failed in it.</summary>
    private sealed record NewRun(IReadOnlySet<string> Read, Func<IReadOnlyDictionary<string, string>> Failed);

    /// <summary>An output folder's run: its articles.jsonl (null when it has none) and the failures of its run.json.</summary>
    private static NewRun? FolderRun(string dir)
    {
        var path = Path.Combine(dir, "articles.jsonl");
        return File.Exists(path) ? new NewRun(ArticleIds.Read(path), () => FolderFailures(dir)) : null;
    }

    /// <summary>The failed inputs of a folder's run.json by input, with their reasons (none when it has no run.json).</summary>
    private static Dictionary<string, string> FolderFailures(string dir)
    {
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(dir, "run.json");
        if (!File.Exists(path))
        {
            return failed;
        }

        // "failures" comes before the long per-article list: read up to its end and stop.
        var reader = new System.Text.Json.Utf8JsonReader(File.ReadAllBytes(path));
        if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
        {
            return failed;
        }

        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
        {
            var isFailures = reader.ValueTextEquals("failures"u8);
            reader.Read();
            if (!isFailures || reader.TokenType != System.Text.Json.JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            using var doc = System.Text.Json.JsonDocument.ParseValue(ref reader);
            foreach (var f in doc.RootElement.EnumerateArray())
            {
                if (StringOf(f, "input") is { } input)
                {
                    failed.TryAdd(input, StringOf(f, "reason") ?? "failed");
                }
            }

            break;
        }

        return failed;
    }

    private static string? StringOf(System.Text.Json.JsonElement e, string name) =>
        e.ValueKind == System.Text.Json.JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;

    /// <summary>A store run: articles with a result were read; failed ones with their reason.</summary>
    private static NewRun StoreRun(RunStore store, long runId)
    {
        var entries = store.RunArticles(runId);
        var read = entries.Values.Where(e => e.ResultId is not null).Select(e => e.Article).ToHashSet(StringComparer.Ordinal);
        var failed = entries.Values.Where(e => e.Status == ArticleStatus.Failed)
            .ToDictionary(e => e.Article, e => e.Reason ?? "failed", StringComparer.Ordinal);
        return new NewRun(read, () => failed);
    }

    /// <summary>Articles with both an added and a removed record: where pairing by mention offset can still help.</summary>
    private static HashSet<string> Apart(DiffResult d)
    {
        var added = d.Added.SelectMany(RecordDiff.Articles).ToHashSet(StringComparer.Ordinal);
        added.IntersectWith(d.Removed.SelectMany(RecordDiff.Articles));
        return added;
    }

    /// <summary>Mention offsets from an output folder's facts.jsonl (null when the folder has none).</summary>
    private static MentionOffsets? FolderOffsets(string dir, IReadOnlySet<string> articles)
    {
        var path = Path.Combine(dir, "facts.jsonl");
        if (!File.Exists(path))
        {
            return null;
        }

        // A few articles: only lines naming one of them are parsed.
        var names = articles.Count <= 64 ? articles.Select(a => System.Text.Json.JsonSerializer.Serialize(a)).ToList() : null;
        var facts = File.ReadLines(path)
            .Where(line => line.Length > 0 && (names is null || names.Exists(n => line.Contains(n, StringComparison.Ordinal))))
            .Select(line =>
            {
                using var doc = System.Text.Json.JsonDocument.Parse(line);
                return JsonFormats.ReadFact(doc.RootElement);
            });
        return MentionOffsets.From(facts, articles);
    }

    /// <summary>Mention offsets from the facts a store kept for a run's articles.</summary>
    private static MentionOffsets StoreOffsets(RunStore store, long runId, IReadOnlySet<string> articles) =>
        MentionOffsets.From(store.RunArticles(runId).Values
            .Where(e => e.ResultId is not null && articles.Contains(e.Article))
            .SelectMany(e => store.LoadResult(e.ResultId!.Value).Facts), articles);

    /// <summary>Two runs of a store: by id, or by default the last completed run and the completed one before it.</summary>
    private static (IReadOnlyList<ClaimRecord>, IReadOnlyList<ClaimRecord>, DiffSides, Func<IReadOnlySet<string>, (MentionOffsets?, MentionOffsets?)>, Func<NewRun?>) FromStore(
        string path, long? fromId, long? toId)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such run store");
        }

        using var store = RunStore.Open(path, TimeProvider.System);
        var runs = store.Runs();
        var newer = toId is { } t ? RunSelection.ById(runs, t, path) : RunSelection.LastDone(runs)
            ?? throw new ArgumentException($"{path} has no completed run yet");
        var older = fromId is { } f ? RunSelection.ById(runs, f, path) : RunSelection.LastDone(runs, before: newer.Id)
            ?? throw new ArgumentException($"{path} has no completed run before run {newer.Id} to compare with; give --from");
        RunSelection.EnsureFinished(older, path, "compare");
        RunSelection.EnsureFinished(newer, path, "compare");

        return (store.Records(older.Id), store.Records(newer.Id), new DiffSides(Label(older), Label(newer)), articles =>
        {
            using var again = RunStore.Open(path, TimeProvider.System);
            return (StoreOffsets(again, older.Id, articles), StoreOffsets(again, newer.Id, articles));
        }, () =>
        {
            using var again = RunStore.Open(path, TimeProvider.System);
            return StoreRun(again, newer.Id);
        });
    }

    private static string Label(StoredRun r) =>
        string.Create(CultureInfo.InvariantCulture, $"run {r.Id} ({r.Started.ToUniversalTime():yyyy-MM-dd HH:mm} UTC{(r.Status == RunStatus.Done ? "" : ", " + RunStore.Name(r.Status))})");
}
