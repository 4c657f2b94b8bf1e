using Extraction.Fetch;
using Extraction.Model;
using Extraction.Output;
using Extraction.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Extraction.Tests.Store;

/// <summary>
/// What the store gives back is what was put in: runs, entries, results and records read back field by
/// field, the refusals of entries and files it cannot store, and no handle left on the file once closed.
/// </summary>
public sealed class RunStoreReadBackTests : IDisposable
{
    // Ticks below the millisecond: a time written in any format but the round-trip one loses them.
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 4, 7, 6, 30, 15, TimeSpan.Zero).AddTicks(1234567);

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Runs_StartedAndFinished_ReadBackEveryField()
    {
        var clock = new FakeTimeProvider(T0);
        using var store = RunStore.Open(_dir["s.db"], clock);
        var full = store.StartRun("1.4.0", "key-a", """["in/a.html"]""", full: true, outDir: "/srv/out");
        clock.Advance(TimeSpan.FromSeconds(90));
        var partial = store.StartRun("1.4.0", "key-b", "[]", full: false, outDir: null);

        var started = store.Runs();

        Assert.Equal([full, partial], started.Select(r => r.Id));
        Assert.Equal(new StoredRun(full, T0, null, RunStatus.Running, "1.4.0", "key-a", """["in/a.html"]""", true, "/srv/out", null), started[0]);
        Assert.Equal(new StoredRun(partial, T0.AddSeconds(90), null, RunStatus.Running, "1.4.0", "key-b", "[]", false, null, null), started[1]);

        clock.Advance(TimeSpan.FromMinutes(2));
        store.FinishRun(full, RunStatus.Done, """{"records":3}""");
        store.SetStatus(partial, RunStatus.Abandoned);
        var finished = store.Runs();

        Assert.Equal((RunStatus.Done, T0.AddSeconds(210), """{"records":3}"""), (finished[0].Status, finished[0].Finished, finished[0].Summary));
        Assert.Equal((RunStatus.Abandoned, T0.AddSeconds(210)), (finished[1].Status, finished[1].Finished));

        // Running again (a resumed run): no finish time.
        store.SetStatus(partial, RunStatus.Running);
        Assert.Equal((RunStatus.Running, (DateTimeOffset?)null), (store.Runs()[1].Status, store.Runs()[1].Finished));
    }

    [Fact]
    public void RunArticles_EveryKindOfEntry_ReadsBackItsFields()
    {
        using var store = RunStore.Open(_dir["s.db"], TimeProvider.System);
        var run = store.StartRun("v", "key", "{}", false, null);
        var article = new Article("a.html", "Titel", "Die Firma baut ein Werk.", 0);
        var processed = new RunArticle("a.html", "h1", ArticleChange.Changed, ArticleStatus.Processed, null, null, TimeSpan.FromMilliseconds(42));
        var failed = new RunArticle("b.html", "h2", ArticleChange.New, ArticleStatus.Failed, "HTTP 503 after 3 attempts", null, TimeSpan.FromMilliseconds(7))
        {
            Failure = FailureKind.Fetch,
        };
        var missing = new RunArticle("c.html", null, null, ArticleStatus.Failed, "no such file", null, TimeSpan.Zero) { Failure = FailureKind.Input };

        var resultId = store.CommitArticle(run, processed, article, [], "utf-8");
        store.CommitArticle(run, failed);
        store.CommitArticle(run, missing);
        var entries = store.RunArticles(run);

        Assert.Equal(processed with { ResultId = resultId }, entries["a.html"]);
        Assert.Null(entries["a.html"].Failure);

        // The failure kind travels into a resumed run's report: a fetch failure must not come back as "input".
        Assert.Equal(failed, entries["b.html"]);
        Assert.Equal(FailureKind.Fetch, entries["b.html"].Failure);
        Assert.Equal(missing, entries["c.html"]);
        Assert.Equal(FailureKind.Input, entries["c.html"].Failure);
    }

    [Fact]
    public void CommitArticle_ProcessedWithoutFacts_StoresAnEmptyList()
    {
        using var store = RunStore.Open(_dir["s.db"], TimeProvider.System);
        var run = store.StartRun("v", "key", "{}", false, null);
        var article = new Article("a.txt", "Titel", "Hier steht keine Zahl.", 0);

        var id = store.CommitArticle(run, new RunArticle("a.txt", "h", ArticleChange.New, ArticleStatus.Processed, null, null, TimeSpan.Zero), article);

        Assert.Empty(store.LoadResult(id!.Value).Facts);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "h")]
    public void CommitArticle_ProcessedWithoutArticleOrHash_RefusedAndNothingStored(bool withArticle, string? sha256)
    {
        using var store = RunStore.Open(_dir["s.db"], TimeProvider.System);
        var run = store.StartRun("v", "key", "{}", false, null);
        var article = withArticle ? new Article("a.txt", "Titel", "Text.", 0) : null;

        var ex = Assert.Throws<ArgumentException>(() =>
            store.CommitArticle(run, new RunArticle("a.txt", sha256, ArticleChange.New, ArticleStatus.Processed, null, null, TimeSpan.Zero), article));

        Assert.Contains("needs its article and content hash", ex.Message, StringComparison.Ordinal);
        Assert.Empty(store.RunArticles(run));
        Assert.Equal(0, StoreTestSupport.Count(store.Path, "SELECT count(*) FROM results"));
    }

    [Fact]
    public void LoadResult_NoSuchId_ThrowsNamingTheStoreAndId()
    {
        using var store = RunStore.Open(_dir["s.db"], TimeProvider.System);

        var ex = Assert.Throws<StoreException>(() => store.LoadResult(4711));

        Assert.Equal($"{store.Path}: result 4711 is missing", ex.Message);
    }

    [Fact]
    public void WriteRecords_YieldsEachLineAndReadsBackInOrderPerRun()
    {
        using var store = RunStore.Open(_dir["s.db"], TimeProvider.System);
        var first = store.StartRun("v", "key", "{}", false, null);
        var second = store.StartRun("v", "key", "{}", false, null);
        var records = new[]
        {
            Record("r-b", "Nordwerk AG", 5e8m),
            Record("r-a", null, 2e6m),
            Record("r-c", "Südhafen GmbH", 7e7m),
        };

        var lines = store.WriteRecords(first, records.Select(r => (r, Line(r)))).ToList();
        Assert.Single(store.WriteRecords(second, [(records[1], Line(records[1]))]));

        Assert.Equal(records.Select(r => Line(r)), lines);
        Assert.Equal(records.Select(Line), store.Records(first).Select(Line));
        Assert.Equal([Line(records[1])], store.Records(second).Select(Line));

        // The columns beside the JSON, for queries on the store: output order and the actor.
        Assert.Equal(3, StoreTestSupport.Count(store.Path, $"SELECT count(*) FROM records WHERE run_id = {first} AND seq BETWEEN 0 AND 2"));
        Assert.Equal(1, StoreTestSupport.Count(store.Path, $"SELECT count(*) FROM records WHERE run_id = {first} AND seq = 2 AND actor = 'Südhafen GmbH' AND id = 'r-c' AND kind = 'investment'"));
        Assert.Equal(1, StoreTestSupport.Count(store.Path, $"SELECT count(*) FROM records WHERE run_id = {first} AND seq = 1 AND actor IS NULL"));

        // Written again, the run's records are replaced, not added to.
        Assert.Single(store.WriteRecords(first, [(records[2], Line(records[2]))]));
        Assert.Equal([Line(records[2])], store.Records(first).Select(Line));
    }

    [Fact]
    public async Task WriteRecords_Enumerated_ReleasesTheStoreForOtherThreads()
    {
        using var store = RunStore.Open(_dir["s.db"], TimeProvider.System);
        var run = store.StartRun("v", "key", "{}", false, null);
        var record = Record("r", "Nordwerk AG", 1e6m);
        Assert.Single(store.WriteRecords(run, [(record, Line(record))]));

        // Another thread reads once the enumeration has ended; if the store's lock were still held,
        // it would wait for ever (the bound only keeps a broken build from hanging the suite).
        var read = await Task.Run(() => store.Records(run)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal([Line(record)], read.Select(Line));
    }

    [Fact]
    public void Open_Folder_RefusedNamingIt()
    {
        var ex = Assert.Throws<StoreException>(() => RunStore.Open(_dir.Path, TimeProvider.System));

        Assert.Equal($"{Path.GetFullPath(_dir.Path)} is a folder; --store wants a database file path", ex.Message);
    }

    [Fact]
    public void Open_CorruptDatabase_RefusedWithSqlitesReason()
    {
        var path = _dir["s.db"];
        RunStore.Open(path, TimeProvider.System).Dispose();

        // The schema page's b-tree header overwritten: still an SQLite file, but a broken one.
        var bytes = File.ReadAllBytes(path);
        Array.Fill(bytes, (byte)0xEE, 100, 100);
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<StoreException>(() => RunStore.Open(path, TimeProvider.System));

        Assert.StartsWith($"{path}: cannot open the run store: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("malformed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NewFile_HasTheFeedTables()
    {
        using var store = RunStore.Open(_dir["s.db"], TimeProvider.System);

        Assert.Equal(2, StoreTestSupport.Count(store.Path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('feeds', 'feed_items')"));
    }

    [SkippableFact]
    public void Dispose_LeavesNoHandleOnTheFile()
    {
        Skip.IfNot(Directory.Exists("/proc/self/fd"), "needs /proc/self/fd (Linux) to list the open files");
        var path = _dir["s.db"];
        var store = RunStore.Open(path, TimeProvider.System);
        var run = store.StartRun("v", "key", "{}", false, null);
        store.CommitArticle(run, new RunArticle("a.txt", "h", ArticleChange.New, ArticleStatus.Processed, null, null, TimeSpan.Zero), new Article("a.txt", "T", "Text.", 0), []);
        Assert.NotEmpty(OpenHandles(path));

        store.Dispose();

        Assert.Empty(OpenHandles(path));
    }

    [SkippableTheory]
    [InlineData("not-a-database")]
    [InlineData("foreign-database")]
    public void Open_Refused_LeavesNoHandleOnTheFile(string kind)
    {
        Skip.IfNot(Directory.Exists("/proc/self/fd"), "needs /proc/self/fd (Linux) to list the open files");
        var path = _dir["s.db"];
        if (kind == "not-a-database")
        {
            File.WriteAllText(path, "Notizen, keine Datenbank\n" + new string('x', 4096));
        }
        else
        {
            using var db = new SqliteConnection($"Data Source={path};Pooling=False");
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "CREATE TABLE kunden(id INTEGER PRIMARY KEY)";
            cmd.ExecuteNonQuery();
        }

        Assert.Throws<StoreException>(() => RunStore.Open(path, TimeProvider.System));

        Assert.Empty(OpenHandles(path));
    }

    // The descriptors of this process open on the file or its WAL and shared-memory files.
    private static List<string> OpenHandles(string path)
    {
        var full = Path.GetFullPath(path);
        var list = new List<string>();
        foreach (var fd in Directory.GetFiles("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(full, StringComparison.Ordinal))
                {
                    list.Add(target);
                }
            }
            catch (IOException)
            {
                // A descriptor closed while listing.
            }
        }

        return list;
    }

    // Records compare by their JSON line (a record's sources are a list, compared by reference).
    private static string Line(ClaimRecord r) => JsonFormats.Line(w => JsonFormats.WriteRecord(w, r));

    private static ClaimRecord Record(string id, string? actor, decimal euros) =>
        new(id, FactKind.Investment, actor, new Amount(euros, euros, "EUR", Qualifier.Exact), null, null, null,
            [new Source("a.txt", "Ein Satz mit der Summe.", "die Summe")], 1);
}
