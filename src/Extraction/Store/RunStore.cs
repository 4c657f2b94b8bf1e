using System.Globalization;
using Extraction.Model;
using Extraction.Output;
using Microsoft.Data.Sqlite;

namespace Extraction.Store;

/// <summary>How an input compares with the last completed run.</summary>
public enum ArticleChange
{
    New,
    Changed,
    Unchanged,
}

/// <summary>What a run did with an input.</summary>
public enum ArticleStatus
{
    /// <summary>Cleaned and extracted in this run.</summary>
    Processed,

    /// <summary>Same content and pipeline as a stored result: article and facts carried over.</summary>
    Reused,

    /// <summary>Could not be turned into an article; the reason is kept.</summary>
    Failed,
}

/// <summary>A run as the store keeps it.</summary>
public sealed record StoredRun(
    long Id,
    DateTimeOffset Started,
    DateTimeOffset? Finished,
    string Status,
    string Version,
    string ConfigKey,
    string Inputs,
    bool Full,
    string? OutDir,
    string? Summary);

/// <summary>A stored article result: the cleaned article and its facts for one content hash and pipeline.</summary>
public sealed record StoredResult(long Id, Article Article, IReadOnlyList<Fact> Facts, string? Encoding);

/// <summary>One article's outcome to commit: the run entry and, for a processed article, its result.</summary>
public sealed record ArticleCommit(RunArticle Entry, Article? Article, IReadOnlyList<Fact> Facts, string? Encoding);

/// <summary>
/// An <see cref="ArticleCommit"/> with the stored JSON of its article and facts already made: a batch
/// run makes it on the worker that processed the article, so the one thread that commits only writes.
/// </summary>
public sealed class PreparedCommit
{
    private PreparedCommit(ArticleCommit commit, string? articleJson, string? factsJson)
    {
        Commit = commit;
        ArticleJson = articleJson;
        FactsJson = factsJson;
    }

    /// <summary>What is committed.</summary>
    public ArticleCommit Commit { get; }

    /// <summary>The article's stored JSON, or null when nothing of it is stored (a failure, a reused result).</summary>
    internal string? ArticleJson { get; }

    /// <summary>The facts' stored JSON array, or null when the article is not stored.</summary>
    internal string? FactsJson { get; }

    /// <summary>Makes the stored JSON of a commit.</summary>
    public static PreparedCommit Of(ArticleCommit commit) => Of(commit, null);

    /// <summary>
    /// Makes the stored JSON of a commit whose article's articles.jsonl line (UTF-8, as
    /// <see cref="JsonFormats.WriteArticle"/> wrote it for this article) is at hand: the store keeps that line.
    /// </summary>
    public static PreparedCommit Of(ArticleCommit commit, byte[]? articleLine) =>
        commit.Entry.Status == ArticleStatus.Processed && commit.Article is { } article
            ? new(commit, articleLine is null ? ResultCodec.Write(article) : System.Text.Encoding.UTF8.GetString(articleLine), ResultCodec.WriteFacts(commit.Facts, article))
            : new(commit, null, null);
}

/// <summary>One input of one run, as committed.</summary>
public sealed record RunArticle(
    string Article,
    string? Sha256,
    ArticleChange? Change,
    ArticleStatus Status,
    string? Reason,
    long? ResultId,
    TimeSpan Elapsed);

/// <summary>
/// The run store: an SQLite database (WAL) recording every run, its inputs with content hashes,
/// per-article results (articles and facts), records, timings and failures. Each article is committed
/// in its own transaction as it completes, so a killed run loses nothing done. Thread-safe: one
/// connection, one caller at a time.
/// </summary>
public sealed class RunStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private StoreLockHolder? _held;

    private RunStore(SqliteConnection db, string path, TimeProvider time)
    {
        _db = db;
        Path = path;
        _time = time;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Schema version of the open store.</summary>
    public int SchemaVersion
    {
        get
        {
            lock (_gate)
            {
                return (int)StoreSchema.Scalar(_db, "PRAGMA user_version");
            }
        }
    }

    /// <summary>Opens (creating or migrating) a store; throws <see cref="StoreException"/> when the file cannot be used.</summary>
    public static RunStore Open(string path, TimeProvider time) => Open(path, time, StoreSchema.Migrations);

    internal static RunStore Open(string path, TimeProvider time, IReadOnlyList<StoreMigration> migrations)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new StoreException($"{full} is a folder; --store wants a database file path");
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString());
        try
        {
            db.Open();

            // Read before writing anything: a foreign or newer file is refused untouched.
            StoreSchema.Upgrade(db, full, migrations);
            Exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000");
            return new RunStore(db, full, time);
        }
        catch (SqliteException ex)
        {
            db.Dispose();
            throw new StoreException(ex.SqliteErrorCode == 26
                ? $"{full} is not an SQLite database (so not an extract run store); give another --store path"
                : $"{full}: cannot open the run store: {ex.Message}", ex);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Takes the store's lock for this process. A holder that is gone (dead PID, or a PID now used by a
    /// process started at another time) is replaced; a live one makes this throw <see cref="StoreLockedException"/>.
    /// </summary>
    /// <returns>The holder that was replaced as stale, or null.</returns>
    public StoreLockHolder? AcquireLock()
    {
        lock (_gate)
        {
            var me = StoreLockHolder.Current(_time);
            using var tx = _db.BeginTransaction(deferred: false);
            var holder = ReadLock(tx);
            if (holder is not null && (holder.Token == _held?.Token || holder.IsAlive()))
            {
                throw new StoreLockedException($"{Path} is in use by another extract run: {holder}") { Holder = holder };
            }

            using (var cmd = Command(tx, "INSERT OR REPLACE INTO lock(one, pid, started, host, acquired, token) VALUES (1, $pid, $started, $host, $acquired, $token)"))
            {
                cmd.Parameters.AddWithValue("$pid", me.Pid);
                cmd.Parameters.AddWithValue("$started", Iso(me.ProcessStarted));
                cmd.Parameters.AddWithValue("$host", me.Host);
                cmd.Parameters.AddWithValue("$acquired", Iso(me.Acquired));
                cmd.Parameters.AddWithValue("$token", me.Token);
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
            _held = me;
            return holder;
        }
    }

    /// <summary>Releases the lock if this instance holds it.</summary>
    public void ReleaseLock()
    {
        lock (_gate)
        {
            if (_held is null)
            {
                return;
            }

            using var cmd = Command(null, "DELETE FROM lock WHERE token = $token");
            cmd.Parameters.AddWithValue("$token", _held.Token);
            cmd.ExecuteNonQuery();
            _held = null;
        }
    }

    /// <summary>The current lock holder, or null.</summary>
    public StoreLockHolder? LockHolder()
    {
        lock (_gate)
        {
            return ReadLock(null);
        }
    }

    /// <summary>Writes a lock row directly (tests: simulate a holder that died).</summary>
    internal void WriteLockRow(StoreLockHolder holder)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "INSERT OR REPLACE INTO lock(one, pid, started, host, acquired, token) VALUES (1, $pid, $started, $host, $acquired, $token)");
            cmd.Parameters.AddWithValue("$pid", holder.Pid);
            cmd.Parameters.AddWithValue("$started", Iso(holder.ProcessStarted));
            cmd.Parameters.AddWithValue("$host", holder.Host);
            cmd.Parameters.AddWithValue("$acquired", Iso(holder.Acquired));
            cmd.Parameters.AddWithValue("$token", holder.Token);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Starts a run and returns its id.</summary>
    public long StartRun(string version, string configKey, string inputsJson, bool full, string? outDir)
    {
        lock (_gate)
        {
            using var cmd = Command(null, """
                INSERT INTO runs(started, status, version, config_key, inputs, full, out_dir)
                VALUES ($started, 'running', $version, $key, $inputs, $full, $out) RETURNING id
                """);
            cmd.Parameters.AddWithValue("$started", Iso(_time.GetUtcNow()));
            cmd.Parameters.AddWithValue("$version", version);
            cmd.Parameters.AddWithValue("$key", configKey);
            cmd.Parameters.AddWithValue("$inputs", inputsJson);
            cmd.Parameters.AddWithValue("$full", full ? 1 : 0);
            cmd.Parameters.AddWithValue("$out", (object?)outDir ?? DBNull.Value);
            return (long)cmd.ExecuteScalar()!;
        }
    }

    /// <summary>Sets a run's status (and finish time unless it is running again).</summary>
    public void SetStatus(long runId, string status)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "UPDATE runs SET status = $status, finished = CASE WHEN $status = 'running' THEN NULL ELSE $now END WHERE id = $id");
            cmd.Parameters.AddWithValue("$status", status);
            cmd.Parameters.AddWithValue("$now", Iso(_time.GetUtcNow()));
            cmd.Parameters.AddWithValue("$id", runId);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>All runs, oldest first.</summary>
    public IReadOnlyList<StoredRun> Runs()
    {
        lock (_gate)
        {
            using var cmd = Command(null, "SELECT id, started, finished, status, version, config_key, inputs, full, out_dir, summary FROM runs ORDER BY id");
            using var r = cmd.ExecuteReader();
            var list = new List<StoredRun>();
            while (r.Read())
            {
                list.Add(new StoredRun(r.GetInt64(0), ParseIso(r.GetString(1)), r.IsDBNull(2) ? null : ParseIso(r.GetString(2)), r.GetString(3),
                    r.GetString(4), r.GetString(5), r.GetString(6), r.GetInt64(7) != 0, r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9)));
            }

            return list;
        }
    }

    /// <summary>The inputs a run committed, by article id.</summary>
    public IReadOnlyDictionary<string, RunArticle> RunArticles(long runId)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "SELECT article, sha256, change, status, reason, result_id, ms FROM run_articles WHERE run_id = $id");
            cmd.Parameters.AddWithValue("$id", runId);
            using var r = cmd.ExecuteReader();
            var map = new Dictionary<string, RunArticle>(StringComparer.Ordinal);
            while (r.Read())
            {
                map[r.GetString(0)] = new RunArticle(
                    r.GetString(0),
                    r.IsDBNull(1) ? null : r.GetString(1),
                    r.IsDBNull(2) ? null : Enum.Parse<ArticleChange>(r.GetString(2), ignoreCase: true),
                    Enum.Parse<ArticleStatus>(r.GetString(3), ignoreCase: true),
                    r.IsDBNull(4) ? null : r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetInt64(5),
                    TimeSpan.FromMilliseconds(r.GetInt64(6)));
            }

            return map;
        }
    }

    /// <summary>The stored result for this content and pipeline, or null.</summary>
    public StoredResult? FindResult(string article, string sha256, string configKey)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "SELECT id FROM results WHERE article = $a AND sha256 = $h AND config_key = $k");
            cmd.Parameters.AddWithValue("$a", article);
            cmd.Parameters.AddWithValue("$h", sha256);
            cmd.Parameters.AddWithValue("$k", configKey);
            return cmd.ExecuteScalar() is long id ? LoadResultLocked(id) : null;
        }
    }

    /// <summary>
    /// Every stored result for one pipeline configuration, by article and content hash: a run looks
    /// its inputs up here instead of querying (and waiting for the store) once per article.
    /// </summary>
    public IReadOnlyDictionary<(string Article, string Sha256), long> ResultIndex(string configKey)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "SELECT article, sha256, id FROM results WHERE config_key = $k");
            cmd.Parameters.AddWithValue("$k", configKey);
            using var r = cmd.ExecuteReader();
            var index = new Dictionary<(string, string), long>();
            while (r.Read())
            {
                index[(r.GetString(0), r.GetString(1))] = r.GetInt64(2);
            }

            return index;
        }
    }

    /// <summary>A stored result by id.</summary>
    public StoredResult LoadResult(long resultId)
    {
        lock (_gate)
        {
            return LoadResultLocked(resultId);
        }
    }

    private StoredResult LoadResultLocked(long id)
    {
        using var cmd = Command(null, "SELECT article_json, encoding, facts_json FROM results WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            throw new StoreException($"{Path}: result {id} is missing");
        }

        var article = ResultCodec.ReadArticle(r.GetString(0));
        return new StoredResult(id, article, ResultCodec.ReadFacts(r.GetString(2), article), r.IsDBNull(1) ? null : r.GetString(1));
    }

    /// <summary>
    /// Commits one input of a run in one transaction: its result (when processed), its facts and its
    /// run entry. Returns the result id (null for a failure).
    /// </summary>
    public long? CommitArticle(long runId, RunArticle entry, Article? article = null, IReadOnlyList<Fact>? facts = null, string? encoding = null) =>
        CommitArticles(runId, [new ArticleCommit(entry, article, facts ?? [], encoding)])[0];

    /// <summary>
    /// Records several articles' outcomes in one transaction (a batch run commits what its workers
    /// finished since the last commit); returns each one's result id.
    /// </summary>
    public IReadOnlyList<long?> CommitArticles(long runId, IReadOnlyList<ArticleCommit> batch) =>
        CommitArticles(runId, [.. batch.Select(PreparedCommit.Of)]);

    /// <summary><see cref="CommitArticles(long, IReadOnlyList{ArticleCommit})"/> with the JSON already made.</summary>
    public IReadOnlyList<long?> CommitArticles(long runId, IReadOnlyList<PreparedCommit> batch)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction(deferred: false);
            using var statements = new CommitStatements(this, tx, runId);
            var ids = new long?[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                ids[i] = CommitOne(statements, batch[i]);
            }

            tx.Commit();
            return ids;
        }
    }

    /// <summary>
    /// The statements of a commit, each prepared once per transaction and run for every article in
    /// it with new values (preparing one costs more than running it).
    /// </summary>
    private sealed class CommitStatements : IDisposable
    {
        public CommitStatements(RunStore store, SqliteTransaction tx, long runId)
        {
            Entry = store.Command(tx, """
                INSERT OR REPLACE INTO run_articles(run_id, article, sha256, change, status, reason, result_id, ms, finished)
                VALUES ($run, $a, $h, $change, $status, $reason, $result, $ms, $now)
                """);
            Entry.Parameters.AddWithValue("$run", runId);
            Result = store.Command(tx, """
                INSERT INTO results(article, sha256, config_key, article_json, encoding, created, facts_json)
                VALUES ($a, $h, (SELECT config_key FROM runs WHERE id = $run), $json, $enc, $now, $facts)
                ON CONFLICT (article, sha256, config_key) DO UPDATE SET article_json = excluded.article_json, encoding = excluded.encoding,
                  created = excluded.created, facts_json = excluded.facts_json
                RETURNING id
                """);
            Result.Parameters.AddWithValue("$run", runId);
        }

        public SqliteCommand Entry { get; }

        public SqliteCommand Result { get; }

        public void Dispose()
        {
            Entry.Dispose();
            Result.Dispose();
        }
    }

    // Sets a parameter's value, adding it the first time.
    private static void Set(SqliteCommand cmd, string name, object? value)
    {
        var parameters = cmd.Parameters;
        var i = parameters.IndexOf(name);
        if (i < 0)
        {
            parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        else
        {
            parameters[i].Value = value ?? DBNull.Value;
        }
    }

    private long? CommitOne(CommitStatements statements, PreparedCommit prepared)
    {
        var (entry, article, _, encoding) = prepared.Commit;
        var resultId = entry.ResultId;
        if (entry.Status == ArticleStatus.Processed)
        {
            if (article is null || entry.Sha256 is null || prepared.ArticleJson is null || prepared.FactsJson is null)
            {
                throw new ArgumentException("a processed entry needs its article and content hash", nameof(prepared));
            }

            resultId = UpsertResult(statements, entry.Article, entry.Sha256, prepared.ArticleJson, prepared.FactsJson, encoding);
        }

        var cmd = statements.Entry;
        Set(cmd, "$a", entry.Article);
        Set(cmd, "$h", entry.Sha256);
        Set(cmd, "$change", entry.Change is { } c ? Name(c) : null);
        Set(cmd, "$status", Name(entry.Status));
        Set(cmd, "$reason", entry.Reason);
        Set(cmd, "$result", resultId);
        Set(cmd, "$ms", (long)entry.Elapsed.TotalMilliseconds);
        Set(cmd, "$now", Iso(_time.GetUtcNow()));
        cmd.ExecuteNonQuery();
        return resultId;
    }

    private long UpsertResult(CommitStatements statements, string articleId, string sha256, string articleJson, string factsJson, string? encoding)
    {
        var result = statements.Result;
        Set(result, "$a", articleId);
        Set(result, "$h", sha256);
        Set(result, "$json", articleJson);
        Set(result, "$enc", encoding);
        Set(result, "$now", Iso(_time.GetUtcNow()));
        Set(result, "$facts", factsJson);
        return (long)result.ExecuteScalar()!;
    }

    /// <summary>
    /// Replaces the run's records with <paramref name="records"/>, in one transaction committed when
    /// the enumeration ends, and yields each record's JSON line as it is stored (for records.jsonl):
    /// records stream from the builder to the store and the file without being held.
    /// </summary>
    /// <remarks>Each record comes with its JSON line (<see cref="JsonFormats.WriteRecord"/>), made where the record was built.</remarks>
    public IEnumerable<string> WriteRecords(long runId, IEnumerable<(ClaimRecord Record, string Json)> records)
    {
        // Held across the yields (an iterator cannot use a lock statement); enumerated on one thread.
        _gate.Enter();
        try
        {
            using var tx = _db.BeginTransaction(deferred: false);
            using (var cmd = Command(tx, "DELETE FROM records WHERE run_id = $run"))
            {
                cmd.Parameters.AddWithValue("$run", runId);
                cmd.ExecuteNonQuery();
            }

            using (var cmd = Command(tx, "INSERT INTO records(run_id, seq, id, kind, actor, record_json) VALUES ($run, $seq, $id, $kind, $actor, $json)"))
            {
                cmd.Parameters.AddWithValue("$run", runId);
                var pSeq = cmd.Parameters.Add("$seq", SqliteType.Integer);
                var pId = cmd.Parameters.Add("$id", SqliteType.Text);
                var pKind = cmd.Parameters.Add("$kind", SqliteType.Text);
                var pActor = cmd.Parameters.Add("$actor", SqliteType.Text);
                var pJson = cmd.Parameters.Add("$json", SqliteType.Text);
                var seq = 0;
                foreach (var (r, json) in records)
                {
                    pSeq.Value = seq++;
                    pId.Value = r.Id;
                    pKind.Value = ContractNames.Of(r.Kind);
                    pActor.Value = (object?)r.Actor ?? DBNull.Value;
                    pJson.Value = json;
                    cmd.ExecuteNonQuery();
                    yield return json;
                }
            }

            tx.Commit();
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>Marks the run finished (done or cancelled) with its run.json summary.</summary>
    public void FinishRun(long runId, string status, string summaryJson)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "UPDATE runs SET status = $status, finished = $now, summary = $summary WHERE id = $run");
            cmd.Parameters.AddWithValue("$run", runId);
            cmd.Parameters.AddWithValue("$status", status);
            cmd.Parameters.AddWithValue("$now", Iso(_time.GetUtcNow()));
            cmd.Parameters.AddWithValue("$summary", summaryJson);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The records a run wrote, in output order.</summary>
    public IReadOnlyList<ClaimRecord> Records(long runId)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "SELECT record_json FROM records WHERE run_id = $run ORDER BY seq");
            cmd.Parameters.AddWithValue("$run", runId);
            using var r = cmd.ExecuteReader();
            var list = new List<ClaimRecord>();
            while (r.Read())
            {
                using var doc = System.Text.Json.JsonDocument.Parse(r.GetString(0));
                list.Add(JsonFormats.ReadRecord(doc.RootElement));
            }

            return list;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            ReleaseLock();
        }
        catch (SqliteException)
        {
            // Closing anyway; a lock left behind is recovered as stale by the next run.
        }

        _db.Dispose();
    }

    private StoreLockHolder? ReadLock(SqliteTransaction? tx)
    {
        using var cmd = Command(tx, "SELECT pid, started, host, acquired, token FROM lock WHERE one = 1");
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new StoreLockHolder(r.GetInt32(0), ParseIso(r.GetString(1)), r.GetString(2), ParseIso(r.GetString(3)), r.GetString(4))
            : null;
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql)
    {
        var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal static string Name(ArticleChange c) => c.ToString().ToLowerInvariant();

    internal static string Name(ArticleStatus s) => s.ToString().ToLowerInvariant();

    private static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseIso(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
