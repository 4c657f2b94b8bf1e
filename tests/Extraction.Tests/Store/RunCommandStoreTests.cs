using Extraction.Store;

namespace Extraction.Tests.Store;

/// <summary>`extract run` with a store, through the command line.</summary>
public sealed class RunCommandStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_DefaultStore_IsStoreDbInOutAndSummaryCountsChanges()
    {
        var corpus = StoreTestSupport.CopySamples(_dir["in"]);
        var first = await StoreTestSupport.Cli("run", corpus, "--out", _dir["out"]);
        var second = await StoreTestSupport.Cli("run", corpus, "--out", _dir["out"]);

        Assert.Equal(0, first.Code);
        Assert.True(File.Exists(Path.Combine(_dir["out"], "store.db")));
        Assert.Contains("run 1: 25 new, 0 changed, 0 unchanged, 0 removed, 0 failed; 25 processed, 0 reused", first.Out, StringComparison.Ordinal);
        Assert.Contains("run 2: 0 new, 0 changed, 25 unchanged, 0 removed, 0 failed; 0 processed, 25 reused", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StoreLockedByLiveRun_Exits3AtOnceWithClearMessage()
    {
        var corpus = StoreTestSupport.CopySamples(_dir["in"]);
        using var holder = RunStore.Open(_dir["s.db"], TimeProvider.System);
        holder.AcquireLock();

        var (code, stdout, stderr) = await StoreTestSupport.Cli("run", corpus, "--out", _dir["out"], "--store", _dir["s.db"]);

        Assert.Equal(3, code);
        Assert.Contains("is in use by another extract run", stderr, StringComparison.Ordinal);
        Assert.Contains("pid " + Environment.ProcessId, stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(_dir["out"]));
    }

    [Fact]
    public async Task Run_NewerStore_Exits2AndNamesTheProblem()
    {
        var corpus = StoreTestSupport.CopySamples(_dir["in"]);
        RunStore.Open(_dir["s.db"], TimeProvider.System).Dispose();
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_dir["s.db"]};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 42";
            cmd.ExecuteNonQuery();
        }

        var (code, _, stderr) = await StoreTestSupport.Cli("run", corpus, "--out", _dir["out"], "--store", _dir["s.db"]);

        Assert.Equal(2, code);
        Assert.Contains("schema version 42", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_QuietWithFailure_PrintsSummaryAndExits1()
    {
        var corpus = StoreTestSupport.CopySamples(_dir["in"]);
        var quietOk = await StoreTestSupport.Cli("run", corpus, "--out", _dir["out"], "--quiet");
        File.WriteAllText(Path.Combine(corpus, "broken.txt"), "");
        var quietFailed = await StoreTestSupport.Cli("run", corpus, "--out", _dir["out"], "--quiet");

        Assert.Equal((0, "", ""), quietOk);
        Assert.Equal(1, quietFailed.Code);
        Assert.Contains("broken.txt", quietFailed.Err, StringComparison.Ordinal);
        Assert.Contains("1 failed", quietFailed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoStoreWithFull_IsUsageError()
    {
        var (code, _, stderr) = await StoreTestSupport.Cli("run", StoreTestSupport.Samples, "--out", _dir["out"], "--no-store", "--full");

        Assert.Equal(2, code);
        Assert.Contains("--no-store", stderr, StringComparison.Ordinal);
    }
}
