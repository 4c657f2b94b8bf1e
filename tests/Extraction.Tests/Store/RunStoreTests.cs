using System.Diagnostics;
using Extraction.Model;
using Extraction.Store;
using Microsoft.Data.Sqlite;

namespace Extraction.Tests.Store;

public sealed class RunStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void Exec(string path, string sql)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void Open_NewFile_CreatesCurrentSchemaInWalMode()
    {
        var path = _dir["s.db"];
        using (var store = RunStore.Open(path, TimeProvider.System))
        {
            Assert.Equal(StoreSchema.Current, store.SchemaVersion);
        }

        Assert.Equal(StoreSchema.Current, StoreTestSupport.Count(path, "PRAGMA user_version"));
        Assert.Equal(StoreSchema.ApplicationId, StoreTestSupport.Count(path, "PRAGMA application_id"));
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }

    [Fact]
    public void Open_NewerSchema_RefusedAndFileUnchanged()
    {
        var path = _dir["s.db"];
        RunStore.Open(path, TimeProvider.System).Dispose();
        Exec(path, "PRAGMA user_version = 99");
        var before = File.ReadAllBytes(path);

        var ex = Assert.Throws<StoreException>(() => RunStore.Open(path, TimeProvider.System));

        Assert.Contains("schema version 99", ex.Message, StringComparison.Ordinal);
        Assert.Contains("newer extract", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_ForeignSqliteDatabase_RefusedUntouched()
    {
        var path = _dir["other.db"];
        Exec(path, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers(name) VALUES ('x')");
        var before = File.ReadAllBytes(path);

        var ex = Assert.Throws<StoreException>(() => RunStore.Open(path, TimeProvider.System));

        Assert.Contains("not an extract run store", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_NotADatabase_RefusedWithClearMessage()
    {
        var path = _dir["notes.db"];
        File.WriteAllText(path, "these are my notes, not a database; please keep them\n" + new string('x', 4096));
        var before = File.ReadAllBytes(path);

        var ex = Assert.Throws<StoreException>(() => RunStore.Open(path, TimeProvider.System));

        Assert.Contains("not an SQLite database", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_OlderSchema_MigratedKeepingData()
    {
        var path = _dir["s.db"];
        using (var v1 = RunStore.Open(path, TimeProvider.System))
        {
            v1.StartRun("v", "k", "{}", false, null);
        }

        var next = StoreSchema.Migrations.Append(new StoreMigration(StoreSchema.Current + 1, "ALTER TABLE runs ADD COLUMN note TEXT")).ToList();
        using (var v2 = RunStore.Open(path, TimeProvider.System, next))
        {
            Assert.Equal(StoreSchema.Current + 1, v2.SchemaVersion);
            Assert.Single(v2.Runs());
        }

        Assert.Equal(0, StoreTestSupport.Count(path, "SELECT count(*) FROM runs WHERE note IS NOT NULL"));
    }

    [Fact]
    public void Open_FailingMigration_LeavesOldVersionIntact()
    {
        var path = _dir["s.db"];
        using (var v1 = RunStore.Open(path, TimeProvider.System))
        {
            v1.StartRun("v", "k", "{}", false, null);
        }

        var broken = StoreSchema.Migrations.Append(new StoreMigration(StoreSchema.Current + 1, "ALTER TABLE runs ADD COLUMN note TEXT; SELECT * FROM no_such_table")).ToList();

        var ex = Assert.Throws<StoreException>(() => RunStore.Open(path, TimeProvider.System, broken));
        Assert.Contains("stays at version", ex.Message, StringComparison.Ordinal);

        Assert.Equal(StoreSchema.Current, StoreTestSupport.Count(path, "PRAGMA user_version"));
        Assert.Equal(0, StoreTestSupport.Count(path, "SELECT count(*) FROM pragma_table_info('runs') WHERE name = 'note'"));
        Assert.Equal(1, StoreTestSupport.Count(path, "SELECT count(*) FROM runs"));
    }

    [Fact]
    public void AcquireLock_HeldByLiveRun_ThrowsNamingHolder()
    {
        var path = _dir["s.db"];
        using var first = RunStore.Open(path, TimeProvider.System);
        first.AcquireLock();
        using var second = RunStore.Open(path, TimeProvider.System);

        var ex = Assert.Throws<StoreLockedException>(() => second.AcquireLock());

        Assert.Equal(Environment.ProcessId, ex.Holder!.Pid);
        Assert.Contains("in use by another extract run", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcquireLock_AfterRelease_Succeeds()
    {
        var path = _dir["s.db"];
        using (var first = RunStore.Open(path, TimeProvider.System))
        {
            first.AcquireLock();
        }

        using var second = RunStore.Open(path, TimeProvider.System);
        Assert.Null(second.AcquireLock());
    }

    [Fact]
    public void AcquireLock_HolderProcessDead_RecoversStaleLock()
    {
        var path = _dir["s.db"];
        // A child that is alive while its start time is read ("true" could exit first), then killed.
        using var child = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        var started = child.StartTime.ToUniversalTime();
        child.Kill();
        child.WaitForExit();
        var dead = new StoreLockHolder(child.Id, started, Environment.MachineName, DateTimeOffset.UtcNow, "dead");
        using var store = RunStore.Open(path, TimeProvider.System);
        store.WriteLockRow(dead);

        var replaced = store.AcquireLock();

        Assert.Equal(child.Id, replaced!.Pid);
        Assert.Equal(Environment.ProcessId, store.LockHolder()!.Pid);
    }

    [Fact]
    public void AcquireLock_PidReusedByOtherProcess_RecoversStaleLock()
    {
        // Our own PID, but a start time that is not ours: the holder died and the PID was reused.
        var path = _dir["s.db"];
        using var self = Process.GetCurrentProcess();
        var reused = new StoreLockHolder(Environment.ProcessId, self.StartTime.ToUniversalTime().AddHours(-3), Environment.MachineName, DateTimeOffset.UtcNow, "old");
        using var store = RunStore.Open(path, TimeProvider.System);
        store.WriteLockRow(reused);

        Assert.NotNull(store.AcquireLock());
    }

    [Fact]
    public void AcquireLock_HolderOnOtherHost_TreatedAsLive()
    {
        var path = _dir["s.db"];
        using var store = RunStore.Open(path, TimeProvider.System);
        store.WriteLockRow(new StoreLockHolder(1, DateTimeOffset.UtcNow, "another-host", DateTimeOffset.UtcNow, "remote"));

        Assert.Throws<StoreLockedException>(() => store.AcquireLock());
    }

    [Fact]
    public void CommitArticle_Processed_ResultRoundTripsLosslessly()
    {
        var path = _dir["s.db"];
        using var store = RunStore.Open(path, TimeProvider.System);
        var run = store.StartRun("v", "key", "{}", false, null);
        var article = new Article("a.txt", "Titel", "Text mit Zahlen.", 3, "https://example.org/a", "2025-01-01", "Autorin");
        var facts = new[]
        {
            new Fact("a.txt", FactKind.Investment, "Microsoft", new Amount(3.2e9m, 3.2e9m, "EUR", Qualifier.About), null, null, null, "3,2 Milliarden Euro", "Satz.", 17, 0.123456789012345,
                new FactExplanation("rule", "actor-rule", ["f1", "f2"])),
            new Fact("a.txt", FactKind.Hardware, null, null, new Count(100000, 100000, Qualifier.Exact), "GPU", "H100", "100.000 GPUs", "Satz 2.", 40, 0.97),
        };

        var id = store.CommitArticle(run, new RunArticle("a.txt", "abc", ArticleChange.New, ArticleStatus.Processed, null, null, TimeSpan.FromMilliseconds(5)), article, facts, "utf-8");
        var found = store.FindResult("a.txt", "abc", "key")!;

        Assert.Equal(id, found.Id);
        Assert.Equal(article, found.Article);
        Assert.Equal("utf-8", found.Encoding);
        Assert.Equal(2, found.Facts.Count);
        Assert.Equal(facts[0] with { Explanation = null }, found.Facts[0] with { Explanation = null });
        Assert.Equal(facts[0].Explanation!.Features, found.Facts[0].Explanation!.Features);
        Assert.Equal(facts[1], found.Facts[1]);
        Assert.Null(store.FindResult("a.txt", "abc", "other-key"));
        Assert.Equal(ArticleStatus.Processed, store.RunArticles(run)["a.txt"].Status);
    }

    [Fact]
    public void Open_Version1StoreWithFactRows_MovesThemIntoTheirResultInOrder()
    {
        var path = _dir["s.db"];
        const string text = "Einleitung. Oracle investiert 40 Milliarden Dollar in Texas. Schluss.";
        var sentence = "Oracle investiert 40 Milliarden Dollar in Texas.";
        var at = text.IndexOf(sentence, StringComparison.Ordinal);
        var facts = new[]
        {
            new Fact("a.txt", FactKind.Investment, "Oracle", new Amount(40e9m, 40e9m, "USD", Qualifier.Exact), null, null, null, "40 Milliarden Dollar", sentence, at + 18, 0.1 + 0.2),
            new Fact("a.txt", FactKind.Hardware, null, null, new Count(5000, 5000, Qualifier.About), "GPU", null, "rund 5000 GPUs", "Ein Satz, der nicht im Text steht.", 3, 0.5,
                new FactExplanation("rule", "actor-rule", ["f1"])),
            new Fact("a.txt", FactKind.Investment, null, new Amount(1m, 2m, null, Qualifier.UpTo), null, null, null, "bis zu 2", "Schluss.", 61, 0.25),
        };

        // Version 1 kept one row per fact, the sentence as a reference when it stood in the text.
        var rows = new[]
        {
            ResultCodec.Write(facts[0] with { Sentence = $"\u0000{at}:{sentence.Length}" }),
            ResultCodec.Write(facts[1]),
            ResultCodec.Write(facts[2]),
        };
        var version1 = StoreSchema.Migrations.Take(1).ToList();
        long resultId;
        using (var v1 = RunStore.Open(path, TimeProvider.System, version1))
        {
            v1.StartRun("v", "key", "{}", false, null);
        }

        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = """
                INSERT INTO results(article, sha256, config_key, article_json, created) VALUES ('a.txt', 'abc', 'key', $article, '2025-01-01') RETURNING id
                """;
            cmd.Parameters.AddWithValue("$article", ResultCodec.Write(new Article("a.txt", "Titel", text, 0)));
            resultId = (long)cmd.ExecuteScalar()!;

            // Inserted out of order: the order is seq's.
            foreach (var seq in new[] { 2, 0, 1 })
            {
                using var insert = db.CreateCommand();
                insert.CommandText = "INSERT INTO facts(result_id, seq, kind, actor, fact_json) VALUES ($id, $seq, 'investment', NULL, $json)";
                insert.Parameters.AddWithValue("$id", resultId);
                insert.Parameters.AddWithValue("$seq", seq);
                insert.Parameters.AddWithValue("$json", rows[seq]);
                insert.ExecuteNonQuery();
            }

            using var empty = db.CreateCommand();
            empty.CommandText = "INSERT INTO results(article, sha256, config_key, article_json, created) VALUES ('b.txt', 'def', 'key', $article, '2025-01-01')";
            empty.Parameters.AddWithValue("$article", ResultCodec.Write(new Article("b.txt", "Leer", "Kein Fakt.", 0)));
            empty.ExecuteNonQuery();
        }

        using var store = RunStore.Open(path, TimeProvider.System);
        var found = store.LoadResult(resultId);

        Assert.Equal(StoreSchema.Current, store.SchemaVersion);
        Assert.Equal(3, found.Facts.Count);
        Assert.Equal(facts[0], found.Facts[0]);
        Assert.Equal(facts[1] with { Explanation = null }, found.Facts[1] with { Explanation = null });
        Assert.Equal(facts[1].Explanation!.Features, found.Facts[1].Explanation!.Features);
        Assert.Equal(facts[2], found.Facts[2]);
        Assert.Empty(store.FindResult("b.txt", "def", "key")!.Facts);
        Assert.Equal(0, StoreTestSupport.Count(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'facts'"));
    }
}
