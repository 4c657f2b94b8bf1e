using System.Diagnostics;
using System.Text;
using Extraction.Fetch;
using Extraction.Model;
using Extraction.Output;
using Extraction.Store;

namespace Extraction.Pipeline;

/// <summary>
/// Runs a batch: resolve inputs, fetch each, skip clean and extract when the run store holds the result
/// for the same content hash and pipeline, commit each article as it completes, deduplicate, write
/// the four output files atomically.
/// </summary>
public sealed class BatchRunner(ExtractionPipeline pipeline, TimeProvider time)
{
    /// <summary>Exit code of a run stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int CancelledExitCode = 130;

    /// <summary>How many articles may finish ahead of the first unfinished one (a slow download) before workers wait.</summary>
    private const int AheadWindow = 256;

    /// <summary>Runs the batch without a store and writes articles.jsonl, facts.jsonl, records.jsonl and run.json into <paramref name="outDir"/>.</summary>
    public Task<RunSummary> RunAsync(IReadOnlyList<string> inputs, string? urlsFile, string outDir, CancellationToken ct) =>
        RunAsync(new RunRequest { Inputs = inputs, UrlsFile = urlsFile, OutDir = outDir }, ct);

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

        var run = store is null ? RunPlan.WithoutStore : RunPlan.Begin(store, request, RunConfigKey.Of(pipeline), pipeline.Version);
        var sourceIds = new HashSet<string>(StringComparer.Ordinal);
        if (request.Source is { } source)
        {
            clock.Restart();
            (items, resolveFailures, sourceIds) = await ResolveSourceAsync(source, store, run, items, resolveFailures, ct);
            timings["resolve.source"] = clock.ElapsedMilliseconds;
        }

        var progress = request.Source is null ? request.Progress : new SourceProgress(request.Progress, request.Source, sourceIds);
        foreach (var f in resolveFailures)
        {
            store?.CommitArticle(run.Id!.Value, new RunArticle(f.Input, null, null, ArticleStatus.Failed, f.Reason, null, TimeSpan.Zero) { Failure = f.Kind });
        }

        clock.Restart();

        // articles.jsonl and facts.jsonl are written in input order as results come in; once an
        // article is on disk, what stays in memory is a line for run.json and its facts' entries in
        // the fact table (sentences and phrases go to the table's spill file).
        var lines = new RunJsonArticle?[items.Count];
        var taken = new bool[items.Count];
        Directory.CreateDirectory(request.OutDir);
        using var table = pipeline.Records.CreateTable(request.OutDir);
        using var output = new OrderedJsonlWriter<Written>(
            [Path.Combine(request.OutDir, "articles.jsonl"), Path.Combine(request.OutDir, "facts.jsonl")],
            static (w, file) => file == 0 ? w.ArticleJson : w.FactJson,
            (i, w) =>
            {
                lines[i] = RunJsonArticle.Of(w.Outcome);
                if (w.Outcome.Article is not null)
                {
                    table.AddRange(w.Outcome.Facts);
                }
            });
        var stages = new StageTimes(pipeline.StageNames);
        var committer = store is null ? null : new StoreCommitter(store, run.Id!.Value);
        var resumedCount = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (run.Committed.TryGetValue(items[i].ArticleId, out var prior))
            {
                taken[i] = true;
                output.Add(i, Written.Of(run.Resume(items[i], prior)));
                resumedCount++;
            }
        }

        progress?.Started(items.Count, resumedCount);
        var cancelled = false;
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, items.Count).Where(i => !taken[i]),
                new ParallelOptions { MaxDegreeOfParallelism = pipeline.Options.Parallelism, CancellationToken = ct },
                async (i, token) =>
                {
                    await output.WaitForRoomAsync(i, AheadWindow, token);
                    ArticleOutcome outcome;
                    try
                    {
                        outcome = await pipeline.ProcessAsync(items[i], run, stages, token, sourceIds.Contains(items[i].ArticleId) ? request.Source : null);
                    }
                    catch (OperationCanceledException) when (token.IsCancellationRequested)
                    {
                        // Cut short: nothing of this input is written or committed; the next run does it.
                        output.Add(i, null);
                        return;
                    }

                    var written = Written.Of(outcome);
                    output.Add(i, written);
                    if (committer is null)
                    {
                        progress?.ArticleDone(outcome);
                    }
                    else
                    {
                        // The store keeps the article as the line just made for articles.jsonl.
                        var line = written.ArticleJson.Length > 0 ? written.ArticleJson[0] : null;
                        await committer.AddAsync(PreparedCommit.Of(Commit(outcome), line), progress is { } told ? () => told.ArticleDone(outcome) : null);
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
        var removed = run.Removed(current);
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
        AtomicFile.Write(Path.Combine(request.OutDir, "run.json"), stream => RunJsonWriter.Write(stream, summary, pipeline.Version, items.Count + resolveFailures.Count, finished, request.Source is { } s ? s.WriteJson : null));
        if (store is not null)
        {
            using var buffer = new MemoryStream();
            RunJsonWriter.Write(buffer, summary, pipeline.Version, items.Count + resolveFailures.Count, null, request.Source is { } s ? s.WriteJson : null);
            store.FinishRun(run.Id!.Value, cancelled ? RunStatus.Cancelled : RunStatus.Done, Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return summary;
    }

    /// <summary>What the store keeps of an outcome: the run entry and, when processed in this run, the result.</summary>
    private static ArticleCommit Commit(ArticleOutcome o) =>
        new(
            new RunArticle(o.Input.ArticleId, o.Sha256, o.Change, o.Status, o.Failure?.Reason, o.ReusedResultId, o.Elapsed) { Failure = o.FailureKind },
            o.Status == ArticleStatus.Processed ? o.Article : null,
            o.Facts,
            o.Encoding);

    /// <summary>Adds a source's inputs (they replace command-line inputs with the same id) and failures; a cancelled resolve adds none.</summary>
    private async Task<(IReadOnlyList<InputItem> Items, IReadOnlyList<InputFailure> Failures, HashSet<string> SourceIds)> ResolveSourceAsync(
        IRunSource source, RunStore? store, RunPlan run, IReadOnlyList<InputItem> items, IReadOnlyList<InputFailure> failures, CancellationToken ct)
    {
        SourceInputs found;
        try
        {
            found = await source.ResolveAsync(new RunSourceContext(store?.Path, pipeline.FetchAsync, run.HasResult), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return (items, failures, new HashSet<string>(StringComparer.Ordinal));
        }

        var ids = new HashSet<string>(found.Items.Select(i => i.ArticleId), StringComparer.Ordinal);
        var merged = found.Items.Concat(items.Where(i => !ids.Contains(i.ArticleId))).OrderBy(i => i.ArticleId, StringComparer.Ordinal).ToList();
        return (merged, [.. failures, .. found.Failures], ids);
    }

    /// <summary>An outcome with its JSON lines, made by the worker so the ordered writer only writes.</summary>
    private sealed record Written(ArticleOutcome Outcome, byte[][] ArticleJson, byte[][] FactJson)
    {
        public static Written Of(ArticleOutcome o) => o.Article is null
            ? new(o, [], [])
            : new(o, [JsonFormats.Utf8Line(w => JsonFormats.WriteArticle(w, o.Article, o.Encoding))], [.. o.Facts.Select(f => JsonFormats.Utf8Line(w => JsonFormats.WriteFact(w, f)))]);
    }
}
