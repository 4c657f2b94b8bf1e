using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extraction.Fetch;
using Extraction.Model;
using Extraction.Output;
using Extraction.Store;

namespace Extraction.Pipeline;

/// <summary>The summary of one run, as written to run.json.</summary>
public sealed record RunSummary(
    DateTimeOffset Started,
    DateTimeOffset Finished,
    IReadOnlyList<string> Inputs,
    int Articles,
    int Facts,
    int Records,
    IReadOnlyList<InputFailure> Failures,
    IReadOnlyDictionary<string, long> TimingsMs)
{
    /// <summary>Memory in MB: the process's peak working set, and the managed heap after processing and after the records.</summary>
    public IReadOnlyDictionary<string, long> MemoryMb { get; init; } = new Dictionary<string, long>();

    /// <summary>The store's id of this run, or null without a store.</summary>
    public long? RunId { get; init; }

    /// <summary>The run store used, or null.</summary>
    public string? StorePath { get; init; }

    /// <summary>This run continued an interrupted one (its committed articles were taken as done).</summary>
    public bool Resumed { get; init; }

    /// <summary>Stopped early (Ctrl+C): what was done is written, the rest is left for the next run.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Inputs not in the store's last completed run.</summary>
    public int New { get; init; }

    /// <summary>Inputs whose content hash differs from the last completed run.</summary>
    public int Changed { get; init; }

    /// <summary>Inputs whose content hash is the one of the last completed run.</summary>
    public int Unchanged { get; init; }

    /// <summary>Inputs of the last completed run that are not inputs now.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    /// <summary>Articles cleaned and extracted in this run.</summary>
    public int Processed { get; init; }

    /// <summary>Articles carried over from the store (same content hash and pipeline).</summary>
    public int Reused { get; init; }

    /// <summary>Inputs left undone because the run was cancelled.</summary>
    public int Pending { get; init; }

    /// <summary>A lock left by a dead run that was taken over, or null.</summary>
    public StoreLockHolder? StaleLock { get; init; }

    /// <summary>CONTRACT.md: 0 when every input was done, 1 when some failed; 130 when cancelled.</summary>
    public int ExitCode => Cancelled ? BatchRunner.CancelledExitCode : Failures.Count == 0 ? 0 : 1;
}

/// <summary>What one run is asked to do.</summary>
public sealed record RunRequest
{
    /// <summary>Files, folders and URLs as given on the command line.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>A file of URLs, one a line, or null.</summary>
    public string? UrlsFile { get; init; }

    /// <summary>Where the four output files go.</summary>
    public required string OutDir { get; init; }

    /// <summary>The run store (SQLite), or null to process every input without one.</summary>
    public string? StorePath { get; init; }

    /// <summary>Process every input even when the store holds its result for the same content and pipeline.</summary>
    public bool Full { get; init; }

    /// <summary>Attach explanations to facts (must match the pipeline's option; part of the store's cache key).</summary>
    public bool Explain { get; init; }

    /// <summary>Articles processed at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Told about the run's progress, or null.</summary>
    public IRunProgress? Progress { get; init; }

    /// <summary>Inputs found at run time (news feeds, sitemaps), or null.</summary>
    public IRunSource? Source { get; init; }
}

/// <summary>Receives progress of a run; called from worker threads.</summary>
public interface IRunProgress
{
    /// <summary>The inputs are known: <paramref name="total"/> articles, of which <paramref name="alreadyDone"/> were done by the interrupted run being resumed.</summary>
    void Started(int total, int alreadyDone);

    /// <summary>One article is done (and committed to the store).</summary>
    void ArticleDone(ArticleOutcome outcome);
}

/// <summary>What happened to one input in a run with a store.</summary>
public sealed record ArticleOutcome(
    InputItem Input,
    Article? Article,
    IReadOnlyList<Fact> Facts,
    InputFailure? Failure,
    string? Encoding,
    TimeSpan Elapsed,
    string? Sha256,
    ArticleChange? Change,
    ArticleStatus Status,
    bool FromInterruptedRun);

/// <summary>
/// Runs a batch: resolve inputs, fetch each, skip clean and extract when the run store holds the result
/// for the same content hash and pipeline, commit each article as it completes, deduplicate, write
/// the four output files atomically.
/// </summary>
public sealed class BatchRunner(ExtractionPipeline pipeline, TimeProvider time)
{
    /// <summary>Exit code of a run stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int CancelledExitCode = 130;

    /// <summary>Time spent per stage, summed over all articles and workers (run.json timings_ms "process.*").</summary>
    private sealed class StageTimes
    {
        private long _fetch;
        private long _clean;
        private long _extract;
        private long _store;

        public void Fetch(long ticks) => Interlocked.Add(ref _fetch, ticks);

        public void Clean(long ticks) => Interlocked.Add(ref _clean, ticks);

        public void Extract(long ticks) => Interlocked.Add(ref _extract, ticks);

        public void Store(long ticks) => Interlocked.Add(ref _store, ticks);

        public IEnumerable<KeyValuePair<string, long>> Milliseconds() =>
        [
            new("fetch", _fetch * 1000 / Stopwatch.Frequency),
            new("clean", _clean * 1000 / Stopwatch.Frequency),
            new("extract", _extract * 1000 / Stopwatch.Frequency),
            new("store", _store * 1000 / Stopwatch.Frequency),
        ];
    }

    /// <summary>How many articles may finish ahead of the first unfinished one (a slow download) before workers wait.</summary>
    private const int AheadWindow = 256;

    private static readonly JsonWriterOptions IndentedJson = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs the batch without a store (facts without explanations) and writes articles.jsonl, facts.jsonl, records.jsonl and run.json into <paramref name="outDir"/>.</summary>
    public Task<RunSummary> RunAsync(
        IReadOnlyList<string> inputs,
        string? urlsFile,
        string outDir,
        CancellationToken ct,
        Action<ArticleResult>? onArticle = null) =>
        RunAsync(
            new RunRequest
            {
                Inputs = inputs,
                UrlsFile = urlsFile,
                OutDir = outDir,
                Progress = onArticle is null ? null : new CallbackProgress(onArticle),
            },
            ct);

    /// <summary>
    /// Runs the batch. Throws <see cref="StoreLockedException"/> when another live run holds the store
    /// and <see cref="StoreException"/> when the store cannot be used; both before anything is written.
    /// </summary>
    public async Task<RunSummary> RunAsync(RunRequest request, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var timings = new Dictionary<string, long>(StringComparer.Ordinal);
        var memory = new Dictionary<string, long>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        using var store = request.StorePath is null ? null : RunStore.Open(request.StorePath, time);
        var stale = store?.AcquireLock();
        timings["store"] = clock.ElapsedMilliseconds;

        clock.Restart();
        var (items, resolveFailures) = InputResolver.Resolve(request.Inputs, request.UrlsFile);
        timings["resolve"] = clock.ElapsedMilliseconds;

        var configKey = ConfigKey(request.Explain);
        var run = store is null ? new RunState(null, false, Empty, Empty, NoResults) : BeginRun(store, request, configKey);
        var sourceIds = new HashSet<string>(StringComparer.Ordinal);
        if (request.Source is { } source)
        {
            clock.Restart();
            (items, resolveFailures, sourceIds) = await ResolveSourceAsync(source, store, run, request.Full, items, resolveFailures, ct);
            timings["resolve.source"] = clock.ElapsedMilliseconds;
        }

        var progress = request.Source is null ? request.Progress : new SourceProgress(request.Progress, request.Source, sourceIds);
        foreach (var f in resolveFailures)
        {
            store?.CommitArticle(run.Id!.Value, new RunArticle(f.Input, null, null, ArticleStatus.Failed, f.Reason, null, TimeSpan.Zero));
        }

        clock.Restart();

        // articles.jsonl and facts.jsonl are written in input order as results come in; once an
        // article is on disk, what stays in memory is a line for run.json and its facts' entries in
        // the fact table (sentences and phrases go to the table's spill file).
        var lines = new ArticleLine?[items.Count];
        var taken = new bool[items.Count];
        Directory.CreateDirectory(request.OutDir);
        using var table = pipeline.Records.CreateTable(request.OutDir);
        using var output = new OrderedJsonlWriter<Written>(
            [Path.Combine(request.OutDir, "articles.jsonl"), Path.Combine(request.OutDir, "facts.jsonl")],
            static (w, file) => file == 0 ? w.ArticleJson : w.FactJson,
            (i, w) =>
            {
                lines[i] = ArticleLine.Of(w.Outcome);
                if (w.Outcome.Article is not null)
                {
                    table.AddRange(w.Outcome.Facts);
                }
            });
        var stages = new StageTimes();
        var committer = store is null ? null : new StoreCommitter(store, run.Id!.Value);
        var resumedCount = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (run.Committed.TryGetValue(items[i].ArticleId, out var prior))
            {
                taken[i] = true;
                output.Add(i, Written.Of(FromStore(store!, items[i], prior)));
                resumedCount++;
            }
        }

        progress?.Started(items.Count, resumedCount);
        var cancelled = false;
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, items.Count).Where(i => !taken[i]),
                new ParallelOptions { MaxDegreeOfParallelism = request.Parallelism, CancellationToken = ct },
                async (i, token) =>
                {
                    await output.WaitForRoomAsync(i, AheadWindow, token);
                    var processed = await ProcessAsync(items[i], request, sourceIds.Contains(items[i].ArticleId) ? request.Source : null, store, run, stages, token);
                    if (processed is not { } p)
                    {
                        output.Add(i, null);
                        return;
                    }

                    var written = Written.Of(p.Outcome);
                    output.Add(i, written);
                    if (committer is null)
                    {
                        progress?.ArticleDone(p.Outcome);
                    }
                    else
                    {
                        // The store keeps the article as the line just made for articles.jsonl.
                        var line = written.ArticleJson.Length > 0 ? written.ArticleJson[0] : null;
                        await committer.AddAsync(PreparedCommit.Of(p.Commit, line), progress is { } told ? () => told.ArticleDone(p.Outcome) : null);
                    }
                });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stop after the articles in hand: every one of them is committed; the rest wait for the next run.
            cancelled = true;
        }
        catch (Exception) when (committer is not null)
        {
            // Let the commit thread finish what it holds and stop, then report the original error.
            await committer.CompleteAsync().ContinueWith(static _ => { }, TaskScheduler.Default);
            throw;
        }

        if (committer is not null)
        {
            await committer.CompleteAsync();
            stages.Store(committer.BusyTicks);
        }

        timings["process"] = clock.ElapsedMilliseconds;
        foreach (var (stage, ms) in stages.Milliseconds())
        {
            timings["process." + stage] = ms;
        }

        clock.Restart();
        output.Complete();
        timings["write"] = clock.ElapsedMilliseconds;
        var heapAfterProcess = GC.GetTotalMemory(forceFullCollection: false);

        // What the workers held (pages, parse trees, queues) is garbage now, spread over a heap sized
        // for them: one compacting collection hands it back before the records are built, so that
        // phase's peak stacks on what the run keeps (the fact table), not on the processing peak.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        var finished = lines.Where(o => o is not null).Select(o => o!).ToList();
        var done = finished.Where(o => o.Failure is null).ToList();
        var current = new HashSet<string>(items.Select(i => i.ArticleId).Concat(resolveFailures.Select(f => f.Input)), StringComparer.Ordinal);
        var removed = run.Baseline.Keys.Where(k => !current.Contains(k)).Order(StringComparer.Ordinal).ToList();
        var failures = new List<InputFailure>(resolveFailures);
        failures.AddRange(finished.Where(o => o.Failure is not null).Select(o => o.Failure!));

        // Records are built a batch at a time (their JSON lines with them) and written one at a time,
        // to records.jsonl and the store.
        clock.Restart();
        var recordCount = 0;
        IEnumerable<(ClaimRecord Record, string Json)> Records()
        {
            foreach (var r in pipeline.Records.Build(table, static r => (r, JsonFormats.Line(w => JsonFormats.WriteRecord(w, r)))))
            {
                recordCount++;
                yield return r;
            }
        }

        var recordLines = store is null
            ? Records().Select(r => r.Json)
            : store.WriteRecords(run.Id!.Value, Records());
        AtomicFile.WriteLines(Path.Combine(request.OutDir, "records.jsonl"), recordLines);
        timings["dedup"] = clock.ElapsedMilliseconds;
        memory["managed_after_process"] = heapAfterProcess / (1024 * 1024);
        memory["managed_after_records"] = GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024);
        using (var self = Process.GetCurrentProcess())
        {
            memory["peak_working_set"] = self.PeakWorkingSet64 / (1024 * 1024);
        }

        var summary = new RunSummary(started, time.GetUtcNow(), request.Inputs, done.Count, table.Count, recordCount, failures, timings)
        {
            RunId = run.Id,
            StorePath = store?.Path,
            Resumed = run.Resumed,
            Cancelled = cancelled,
            New = done.Count(o => o.Change == ArticleChange.New),
            Changed = done.Count(o => o.Change == ArticleChange.Changed),
            Unchanged = done.Count(o => o.Change == ArticleChange.Unchanged),
            Removed = removed,
            MemoryMb = memory,
            Processed = done.Count(o => o.Status == ArticleStatus.Processed),
            Reused = done.Count(o => o.Status == ArticleStatus.Reused),
            Pending = items.Count - finished.Count,
            StaleLock = stale,
        };
        // run.json streams to its file; the store keeps it without the per-article list (that is in run_articles).
        AtomicFile.Write(Path.Combine(request.OutDir, "run.json"), stream => RunJson(stream, summary, items.Count + resolveFailures.Count, finished, request.Source));
        if (store is not null)
        {
            using var buffer = new MemoryStream();
            RunJson(buffer, summary, items.Count + resolveFailures.Count, null, request.Source);
            store.FinishRun(run.Id!.Value, cancelled ? "cancelled" : "done", Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return summary;
    }

    private static readonly IReadOnlyDictionary<string, RunArticle> Empty = new Dictionary<string, RunArticle>(StringComparer.Ordinal);

    /// <summary>The run's id, whether it resumes an interrupted one, what that one committed, and the last completed run's inputs.</summary>
    private sealed record RunState(
        long? Id,
        bool Resumed,
        IReadOnlyDictionary<string, RunArticle> Committed,
        IReadOnlyDictionary<string, RunArticle> Baseline,
        IReadOnlyDictionary<(string Article, string Sha256), long> Results);

    private static readonly IReadOnlyDictionary<(string Article, string Sha256), long> NoResults = new Dictionary<(string, string), long>();

    private RunState BeginRun(RunStore store, RunRequest request, string configKey)
    {
        var inputsJson = JsonFormats.Line(w =>
        {
            w.WriteStartObject();
            JsonFormats.WriteStrings(w, "inputs", request.Inputs);
            w.WriteString("urls", request.UrlsFile);
            if (request.Source is { } source)
            {
                JsonFormats.WriteStrings(w, "sources", source.Inputs);
            }
            w.WriteEndObject();
        });
        var runs = store.Runs();
        var last = runs.Count > 0 ? runs[^1] : null;
        long id;
        var resumed = false;
        IReadOnlyDictionary<string, RunArticle> committed = Empty;

        // We hold the lock, so a run still marked running was killed; one with the same job resumes.
        if (last is { Status: "running" or "cancelled" } && last.ConfigKey == configKey && last.Inputs == inputsJson && last.Full == request.Full)
        {
            id = last.Id;
            resumed = true;
            committed = store.RunArticles(id);
            store.SetStatus(id, "running");
        }
        else
        {
            if (last is { Status: "running" })
            {
                store.SetStatus(last.Id, "abandoned");
            }

            id = store.StartRun(pipeline.Version, configKey, inputsJson, request.Full, Path.GetFullPath(request.OutDir));
        }

        var baselineRun = runs.LastOrDefault(r => r.Status == "done" && r.Id < id);
        var baseline = baselineRun is null ? Empty : store.RunArticles(baselineRun.Id);
        return new RunState(id, resumed, committed, baseline, request.Full ? NoResults : store.ResultIndex(configKey));
    }

    /// <summary>Adds a source's inputs (they replace command-line inputs with the same id) and failures; a cancelled resolve adds none.</summary>
    private async Task<(IReadOnlyList<InputItem> Items, IReadOnlyList<InputFailure> Failures, HashSet<string> SourceIds)> ResolveSourceAsync(
        IRunSource source, RunStore? store, RunState run, bool full, IReadOnlyList<InputItem> items, IReadOnlyList<InputFailure> failures, CancellationToken ct)
    {
        SourceInputs found;
        try
        {
            var context = new RunSourceContext(store?.Path, pipeline.FetchAsync, (article, sha) => !full && run.Results.ContainsKey((article, sha)));
            found = await source.ResolveAsync(context, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return (items, failures, new HashSet<string>(StringComparer.Ordinal));
        }

        var ids = new HashSet<string>(found.Items.Select(i => i.ArticleId), StringComparer.Ordinal);
        var merged = found.Items.Concat(items.Where(i => !ids.Contains(i.ArticleId))).OrderBy(i => i.ArticleId, StringComparer.Ordinal).ToList();
        return (merged, [.. failures, .. found.Failures], ids);
    }

    private static ArticleOutcome FromStore(RunStore store, InputItem item, RunArticle prior)
    {
        if (prior.Status == ArticleStatus.Failed || prior.ResultId is null)
        {
            return new ArticleOutcome(item, null, [], new InputFailure(item.ArticleId, prior.Reason ?? "failed"), null, prior.Elapsed, prior.Sha256, prior.Change, ArticleStatus.Failed, true);
        }

        var result = store.LoadResult(prior.ResultId.Value);
        return new ArticleOutcome(item, result.Article, result.Facts, null, result.Encoding, prior.Elapsed, prior.Sha256, prior.Change, prior.Status, true);
    }

    /// <summary>Fetch, hash, then clean and extract unless the store has the result; the outcome and what to commit of it. Null when cancelled mid-fetch.</summary>
    private async Task<(ArticleOutcome Outcome, ArticleCommit Commit)?> ProcessAsync(InputItem item, RunRequest request, IRunSource? source, RunStore? store, RunState run, StageTimes stages, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var mark = Stopwatch.GetTimestamp();
        FetchOutcome fetched;
        try
        {
            fetched = source is null ? await pipeline.FetchAsync(item, ct) : await source.FetchAsync(item, ct);
            if (fetched.NotModified && (fetched.UnchangedSha256 is not { } known || request.Full || !run.Results.ContainsKey((item.ArticleId, known))))
            {
                // Unchanged, but the stored result is not usable (gone, another pipeline, --full): fetch the page whole.
                fetched = await pipeline.FetchAsync(item with { Conditions = null }, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            fetched = FetchOutcome.Fail(item.ArticleId, $"internal error: {ex.GetType().Name}: {ex.Message}");
        }

        if (ct.IsCancellationRequested && fetched.Failure is not null)
        {
            // A fetch cut short by Ctrl+C is not a failure of the input; the next run fetches it again.
            return null;
        }

        stages.Fetch(Stopwatch.GetTimestamp() - mark);
        ArticleOutcome outcome;
        long? reusedId = null;
        if (fetched.Failure is not null)
        {
            outcome = new ArticleOutcome(item, null, [], fetched.Failure, null, clock.Elapsed, null, null, ArticleStatus.Failed, false);
        }
        else
        {
            var sha = fetched.Document is { } document ? ResultCodec.Sha256(document.Content) : fetched.UnchangedSha256!;
            var change = run.Baseline.TryGetValue(item.ArticleId, out var before)
                ? before.Sha256 == sha ? ArticleChange.Unchanged : ArticleChange.Changed
                : ArticleChange.New;
            mark = Stopwatch.GetTimestamp();
            var cached = !request.Full && run.Results.TryGetValue((item.ArticleId, sha), out var resultId) ? store!.LoadResult(resultId) : null;
            stages.Store(Stopwatch.GetTimestamp() - mark);
            reusedId = cached?.Id;
            outcome = cached is not null
                ? new ArticleOutcome(item, cached.Article, cached.Facts, null, cached.Encoding, clock.Elapsed, sha, change, ArticleStatus.Reused, false)
                : Extract(fetched.Document!, source, request.Explain, sha, change, clock, stages);
        }

        var commit = new ArticleCommit(
            new RunArticle(item.ArticleId, outcome.Sha256, outcome.Change, outcome.Status, outcome.Failure?.Reason, reusedId, outcome.Elapsed),
            outcome.Status == ArticleStatus.Processed ? outcome.Article : null,
            outcome.Facts,
            outcome.Encoding);
        return (outcome, commit);
    }

    private ArticleOutcome Extract(FetchedDocument doc, IRunSource? source, bool explain, string sha, ArticleChange change, Stopwatch clock, StageTimes stages)
    {
        var item = doc.Input;
        try
        {
            var mark = Stopwatch.GetTimestamp();
            var cleaned = pipeline.Cleaner.Clean(doc);
            stages.Clean(Stopwatch.GetTimestamp() - mark);
            if (cleaned.Failure is not null)
            {
                return new ArticleOutcome(item, null, [], cleaned.Failure, cleaned.Encoding, clock.Elapsed, sha, change, ArticleStatus.Failed, false);
            }

            var article = source is null ? cleaned.Article! : source.Complete(item, cleaned.Article!);
            if (article.Text.Length == 0)
            {
                return new ArticleOutcome(item, null, [], new InputFailure(item.ArticleId, "no article text found after cleaning"), cleaned.Encoding, clock.Elapsed, sha, change, ArticleStatus.Failed, false);
            }

            mark = Stopwatch.GetTimestamp();
            var facts = pipeline.Extractor.Extract(article, explain);
            stages.Extract(Stopwatch.GetTimestamp() - mark);
            return new ArticleOutcome(item, article, facts, null, cleaned.Encoding, clock.Elapsed, sha, change, ArticleStatus.Processed, false);
        }
        catch (Exception ex)
        {
            return new ArticleOutcome(item, null, [], new InputFailure(item.ArticleId, $"internal error: {ex.GetType().Name}: {ex.Message}"), null, clock.Elapsed, sha, change, ArticleStatus.Failed, false);
        }
    }

    /// <summary>
    /// What a stored result depends on besides the content: pipeline and model version, the word lists
    /// and models in use (embedded or --models), and whether facts carry explanations.
    /// </summary>
    internal string ConfigKey(bool explain)
    {
        var names = typeof(ModelStore).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("models/", StringComparison.Ordinal))
            .Select(n => n["models/".Length..])
            .Concat(pipeline.Models.Folder is { } dir && Directory.Exists(dir) ? Directory.EnumerateFiles(dir).Select(Path.GetFileName).OfType<string>() : [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in names)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n" + pipeline.Models.ReadText(name) + "\n"));
        }

        var models = Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        return $"{pipeline.Version}; models {models}{(explain ? "; explain" : "")}";
    }

    /// <summary>An outcome with its JSON lines, made by the worker so the ordered writer only writes.</summary>
    private sealed record Written(ArticleOutcome Outcome, byte[][] ArticleJson, byte[][] FactJson)
    {
        public static Written Of(ArticleOutcome o) => o.Article is null
            ? new(o, [], [])
            : new(o, [JsonFormats.Utf8Line(w => JsonFormats.WriteArticle(w, o.Article, o.Encoding))], [.. o.Facts.Select(f => JsonFormats.Utf8Line(w => JsonFormats.WriteFact(w, f)))]);
    }

    /// <summary>What run.json and the summary keep of one article once it is written.</summary>
    private sealed record ArticleLine(
        string ArticleId,
        InputFailure? Failure,
        int Facts,
        TimeSpan Elapsed,
        string? Encoding,
        ArticleStatus Status,
        ArticleChange? Change,
        string? Sha256,
        bool FromInterruptedRun)
    {
        public static ArticleLine Of(ArticleOutcome o) =>
            new(o.Input.ArticleId, o.Article is null ? o.Failure ?? new InputFailure(o.Input.ArticleId, "failed") : null,
                o.Facts.Count, o.Elapsed, o.Encoding, o.Status, o.Change, o.Sha256, o.FromInterruptedRun);
    }

    // run.json; without the article list when 'finished' is null.
    private void RunJson(Stream output, RunSummary s, int inputCount, IReadOnlyList<ArticleLine>? finished, IRunSource? source)
    {
        using (var w = new Utf8JsonWriter(output, IndentedJson))
        {
            w.WriteStartObject();
            w.WriteString("started", s.Started);
            w.WriteString("finished", s.Finished);
            w.WriteString("version", pipeline.Version);
            w.WriteString("status", s.Cancelled ? "cancelled" : "done");
            if (s.RunId is { } id)
            {
                w.WriteNumber("run_id", id);
                w.WriteString("store", s.StorePath);
                w.WriteBoolean("resumed", s.Resumed);
            }

            JsonFormats.WriteStrings(w, "inputs", s.Inputs);
            w.WriteStartObject("counts");
            w.WriteNumber("inputs", inputCount);
            w.WriteNumber("articles", s.Articles);
            w.WriteNumber("facts", s.Facts);
            w.WriteNumber("records", s.Records);
            w.WriteNumber("failed", s.Failures.Count);
            w.WriteNumber("new", s.New);
            w.WriteNumber("changed", s.Changed);
            w.WriteNumber("unchanged", s.Unchanged);
            w.WriteNumber("removed", s.Removed.Count);
            w.WriteNumber("processed", s.Processed);
            w.WriteNumber("reused", s.Reused);
            w.WriteNumber("pending", s.Pending);
            w.WriteEndObject();
            w.WriteStartArray("failures");
            foreach (var f in s.Failures)
            {
                w.WriteStartObject();
                w.WriteString("input", f.Input);
                w.WriteString("reason", f.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            JsonFormats.WriteStrings(w, "removed", s.Removed);
            source?.WriteJson(w);
            w.WriteStartObject("timings_ms");
            foreach (var kv in s.TimingsMs)
            {
                w.WriteNumber(kv.Key, kv.Value);
            }

            w.WriteNumber("total", (long)(s.Finished - s.Started).TotalMilliseconds);
            w.WriteEndObject();
            w.WriteStartObject("memory_mb");
            foreach (var kv in s.MemoryMb)
            {
                w.WriteNumber(kv.Key, kv.Value);
            }

            w.WriteEndObject();
            if (finished is null)
            {
                w.WriteEndObject();
                return;
            }

            w.WriteStartArray("articles");
            foreach (var o in finished)
            {
                w.WriteStartObject();
                w.WriteString("article", o.ArticleId);
                w.WriteString("status", o.Failure is null ? "done" : "failed");
                w.WriteNumber("facts", o.Facts);
                w.WriteNumber("ms", (long)o.Elapsed.TotalMilliseconds);
                if (o.Encoding is not null)
                {
                    w.WriteString("encoding", o.Encoding);
                }

                if (s.RunId is not null)
                {
                    w.WriteString("result", RunStore.Name(o.Status));
                    if (o.Change is { } c)
                    {
                        w.WriteString("change", RunStore.Name(c));
                    }

                    if (o.Sha256 is not null)
                    {
                        w.WriteString("sha256", o.Sha256);
                    }

                    if (o.FromInterruptedRun)
                    {
                        w.WriteBoolean("resumed", true);
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>Adapts the old per-article callback.</summary>
    private sealed class CallbackProgress(Action<ArticleResult> onArticle) : IRunProgress
    {
        public void Started(int total, int alreadyDone)
        {
        }

        public void ArticleDone(ArticleOutcome o) =>
            onArticle(new ArticleResult(o.Input, o.Article, o.Facts, o.Failure, o.Encoding, o.Elapsed));
    }
}
