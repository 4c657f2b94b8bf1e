using System.Text.Json;

namespace Extraction.Tests.Store;

/// <summary>
/// Crash safety for real: the CLI runs as a child process on 1,200 generated articles and is killed
/// (SIGKILL, whole process tree) in the middle; a rerun must resume and write exactly the records of
/// an uninterrupted run.
/// </summary>
public sealed class CrashResumeTests : IDisposable
{
    private const int Articles = 1200;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_KilledMidwayThenRerun_ResumesAndMatchesUninterruptedRecords()
    {
        Assert.True(File.Exists(StoreTestSupport.ExtractDll), "extract.dll is not beside the test assembly: " + StoreTestSupport.ExtractDll);
        var corpus = StoreTestSupport.Generate(_dir["corpus"], Articles);
        var killedOut = _dir["killed"];
        var killedDb = _dir["killed.db"];

        // An uninterrupted run on its own store, alongside (it only has to finish before the comparison).
        var clean = RunChild("run", corpus, "--out", _dir["clean"], "--store", _dir["clean.db"], "--parallelism", "2");

        // 1. Start, and kill once the run has committed its first hundred articles (the log line says so).
        using (var child = StoreTestSupport.StartChild("run", corpus, "--out", killedOut, "--store", killedDb, "--parallelism", "2"))
        {
            var sawProgress = false;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                var line = await child.StandardOutput.ReadLineAsync();
                if (line is null)
                {
                    break;
                }

                if (line.Contains(FormattableString.Invariant($"100/{Articles} articles"), StringComparison.Ordinal))
                {
                    sawProgress = true;
                    child.Kill(entireProcessTree: true);
                    break;
                }
            }

            await child.WaitForExitAsync();
            Assert.True(sawProgress, "the child never reported 100 articles; stderr: " + await child.StandardError.ReadToEndAsync());
            Assert.NotEqual(0, child.ExitCode);
        }

        var committed = StoreTestSupport.Count(killedDb, "SELECT count(*) FROM run_articles");
        Assert.False(File.Exists(Path.Combine(killedOut, "records.jsonl")), "the killed run got as far as writing its outputs; the kill came too late to test anything");
        Assert.InRange(committed, 100, Articles - 1);
        Assert.Equal("running", Scalar(killedDb, "SELECT status FROM runs"));
        Assert.Equal(1, StoreTestSupport.Count(killedDb, "SELECT count(*) FROM lock"));

        // 2. Rerun the same command: it takes over the dead run's lock and resumes.
        var rerun = await RunChild("run", corpus, "--out", killedOut, "--store", killedDb, "--parallelism", "2");
        Assert.True(rerun.Code == 0, $"rerun exit {rerun.Code}: {rerun.Err}");
        Assert.Contains("(resumed)", rerun.Out, StringComparison.Ordinal);
        Assert.Contains("took over the lock", rerun.Err, StringComparison.Ordinal);

        var cleanRun = await clean;
        Assert.True(cleanRun.Code == 0, $"uninterrupted run exit {cleanRun.Code}: {cleanRun.Err}");

        var expected = File.ReadAllText(Path.Combine(_dir["clean"], "records.jsonl"));
        var actual = File.ReadAllText(Path.Combine(killedOut, "records.jsonl"));
        Assert.Equal(expected, actual);
        var ids = actual.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(File.ReadAllText(Path.Combine(_dir["clean"], "articles.jsonl")), File.ReadAllText(Path.Combine(killedOut, "articles.jsonl")));

        // One run in the store, every article once, the resumed part not processed again.
        Assert.Equal(1, StoreTestSupport.Count(killedDb, "SELECT count(*) FROM runs"));
        Assert.Equal("done", Scalar(killedDb, "SELECT status FROM runs"));
        Assert.Equal(Articles, StoreTestSupport.Count(killedDb, "SELECT count(*) FROM run_articles"));
        Assert.Equal(Articles, StoreTestSupport.Count(killedDb, "SELECT count(*) FROM results"));
        Assert.Equal(0, StoreTestSupport.Count(killedDb, "SELECT count(*) FROM lock"));
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(killedOut, "run.json")));
        var carried = run.RootElement.GetProperty("articles").EnumerateArray().Count(a => a.TryGetProperty("resumed", out var r) && r.GetBoolean());
        Assert.True(carried >= committed, $"{carried} articles carried over, {committed} were committed before the kill");
    }

    private static async Task<(int Code, string Out, string Err)> RunChild(params string[] args)
    {
        using var child = StoreTestSupport.StartChild(args);
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await child.WaitForExitAsync(timeout.Token);
        return (child.ExitCode, await stdout, await stderr);
    }

    private static string? Scalar(string db, string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() as string;
    }
}
