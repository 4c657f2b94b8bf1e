using System.Text.Json;
using Extraction.Pipeline;
using Extraction.Store;

namespace Extraction.Tests.Store;

/// <summary>BatchRunner on a run store: what is reused, what is processed again, and how a stopped run resumes.</summary>
public sealed class IncrementalRunTests : IDisposable
{
    private static readonly Lazy<ExtractionPipeline> SharedPipeline = new(() => ExtractionPipeline.Create(new PipelineOptions { Parallelism = 2 }));
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static BatchRunner Runner => new(SharedPipeline.Value, TimeProvider.System);

    private RunRequest Request(string input, string outDir, bool full = false, IRunProgress? progress = null) => new()
    {
        Inputs = [input],
        OutDir = outDir,
        StorePath = _dir["store.db"],
        Full = full,
        Progress = progress,
    };

    [Fact]
    public async Task RunAsync_SecondRunSameInputs_ReusesEveryArticleAndWritesSameFiles()
    {
        var corpus = StoreTestSupport.CopySamples(_dir["in"]);
        var first = await Runner.RunAsync(Request(corpus, _dir["out1"]), CancellationToken.None);
        var second = await Runner.RunAsync(Request(corpus, _dir["out2"]), CancellationToken.None);

        Assert.Equal(first.Articles, first.New);
        Assert.Equal(first.Articles, first.Processed);
        Assert.Equal(0, second.Processed);
        Assert.Equal(first.Articles, second.Reused);
        Assert.Equal(first.Articles, second.Unchanged);
        Assert.Equal(0, second.New + second.Changed + second.Removed.Count);
        foreach (var file in new[] { "articles.jsonl", "facts.jsonl", "records.jsonl" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(_dir["out1"], file)), File.ReadAllText(Path.Combine(_dir["out2"], file)));
        }
    }

    [Fact]
    public async Task RunAsync_OneChangedOneRemovedOneNew_CountsEachAndProcessesOnlyThoseTwo()
    {
        var corpus = StoreTestSupport.CopySamples(_dir["in"]);
        var files = Directory.GetFiles(corpus).Order(StringComparer.Ordinal).ToArray();
        var first = await Runner.RunAsync(Request(corpus, _dir["out"]), CancellationToken.None);
        File.AppendAllText(files[0], "\nNachtrag: Die Firma investiert weitere 5 Millionen Euro.\n");
        File.Move(files[1], Path.Combine(corpus, "zz_new_" + Path.GetFileName(files[1])));

        var second = await Runner.RunAsync(Request(corpus, _dir["out"]), CancellationToken.None);

        Assert.Equal(1, second.Changed);
        Assert.Equal(1, second.New);
        Assert.Equal([Path.GetFileName(files[1])], second.Removed);
        Assert.Equal(first.Articles - 2, second.Unchanged);
        Assert.Equal(2, second.Processed);
        using var run = JsonDocument.Parse(File.ReadAllText(_dir["out/run.json"]));
        var counts = run.RootElement.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("changed").GetInt32());
        Assert.Equal(1, counts.GetProperty("new").GetInt32());
        Assert.Equal(1, counts.GetProperty("removed").GetInt32());
        Assert.Equal(first.Articles - 2, counts.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, counts.GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task RunAsync_Full_ProcessesEveryArticleAgain()
    {
        var corpus = StoreTestSupport.CopySamples(_dir["in"]);
        var first = await Runner.RunAsync(Request(corpus, _dir["out"]), CancellationToken.None);
        var second = await Runner.RunAsync(Request(corpus, _dir["out"], full: true), CancellationToken.None);

        Assert.Equal(first.Articles, second.Processed);
        Assert.Equal(0, second.Reused);
        Assert.Equal(first.Articles, second.Unchanged);
    }

    [Fact]
    public async Task RunAsync_FailedInput_RecordedInStoreWithReason()
    {
        var corpus = StoreTestSupport.CopySamples(_dir["in"]);
        File.WriteAllText(Path.Combine(corpus, "empty.txt"), "");
        var summary = await Runner.RunAsync(Request(corpus, _dir["out"]), CancellationToken.None);

        var failure = Assert.Single(summary.Failures);
        Assert.Equal(1, summary.ExitCode);
        using var store = RunStore.Open(_dir["store.db"], TimeProvider.System);
        var entry = store.RunArticles(summary.RunId!.Value)["empty.txt"];
        Assert.Equal(ArticleStatus.Failed, entry.Status);
        Assert.Equal(failure.Reason, entry.Reason);
        Assert.Equal(RunStatus.Done, store.Runs()[^1].Status);
    }

    [Fact]
    public async Task RunAsync_CancelledMidway_WritesWhatIsDoneExits130AndNextRunResumes()
    {
        var corpus = StoreTestSupport.Generate(_dir["in"], 60);
        var reference = await new BatchRunner(SharedPipeline.Value, TimeProvider.System)
            .RunAsync(new RunRequest { Inputs = [corpus], OutDir = _dir["ref"], StorePath = _dir["ref.db"] }, CancellationToken.None);

        using var cts = new CancellationTokenSource();
        var stopper = new StopAfter(10, cts);
        var cancelled = await Runner.RunAsync(Request(corpus, _dir["out"], progress: stopper), cts.Token);

        Assert.True(cancelled.Cancelled);
        Assert.Equal(130, cancelled.ExitCode);
        Assert.InRange(cancelled.Articles, 10, 59);
        Assert.Equal(60 - cancelled.Articles, cancelled.Pending);
        Assert.Equal(cancelled.Articles, File.ReadAllLines(_dir["out/articles.jsonl"]).Length);
        using (var store = RunStore.Open(_dir["store.db"], TimeProvider.System))
        {
            Assert.Equal(RunStatus.Cancelled, store.Runs()[^1].Status);
        }

        var resumed = await Runner.RunAsync(Request(corpus, _dir["out"]), CancellationToken.None);

        Assert.True(resumed.Resumed);
        Assert.Equal(cancelled.RunId, resumed.RunId);
        Assert.Equal(60, resumed.Articles);
        using (var run = JsonDocument.Parse(File.ReadAllText(_dir["out/run.json"])))
        {
            var carried = run.RootElement.GetProperty("articles").EnumerateArray().Count(a => a.TryGetProperty("resumed", out var r) && r.GetBoolean());
            Assert.Equal(cancelled.Articles + cancelled.Failures.Count, carried);
        }

        Assert.Equal(File.ReadAllText(_dir["ref/records.jsonl"]), File.ReadAllText(_dir["out/records.jsonl"]));
        Assert.Equal(reference.Records, resumed.Records);
    }

    [Fact]
    public async Task RunAsync_StoreLockedByLiveRun_ThrowsBeforeWritingAnything()
    {
        var corpus = StoreTestSupport.CopySamples(_dir["in"]);
        using var holder = RunStore.Open(_dir["store.db"], TimeProvider.System);
        holder.AcquireLock();

        await Assert.ThrowsAsync<StoreLockedException>(() => Runner.RunAsync(Request(corpus, _dir["out"]), CancellationToken.None));

        Assert.False(Directory.Exists(_dir["out"]));
    }

    /// <summary>Cancels the run after some articles, as Ctrl+C would.</summary>
    private sealed class StopAfter(int n, CancellationTokenSource cts) : IRunProgress
    {
        private int _done;

        public void Started(int total, int alreadyDone)
        {
        }

        public void ArticleDone(ArticleOutcome outcome)
        {
            if (Interlocked.Increment(ref _done) == n)
            {
                cts.Cancel();
            }
        }
    }
}
