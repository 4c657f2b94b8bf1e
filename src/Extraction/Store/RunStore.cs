using System.Globalization;
using Extraction.Fetch;
using Microsoft.Data.Sqlite;

namespace Extraction.Store;

/// <summary>
/// The run store: an SQLite database (WAL) recording every run, its inputs with content hashes,
/// per-article results (articles and facts), records, timings and failures. Each article is committed
/// in its own transaction as it completes, so a killed run loses nothing done. Thread-safe: one
/// connection, one caller at a time.
/// </summary>
public sealed partial class RunStore : IDisposable
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

            WriteLock(tx, me);

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
            WriteLock(null, holder);
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
    public void SetStatus(long runId, RunStatus status)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "UPDATE runs SET status = $status, finished = CASE WHEN $status = 'running' THEN NULL ELSE $now END WHERE id = $id");
            cmd.Parameters.AddWithValue("$status", Name(status));
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
                list.Add(new StoredRun(r.GetInt64(0), ParseIso(r.GetString(1)), r.IsDBNull(2) ? null : ParseIso(r.GetString(2)), Enum.Parse<RunStatus>(r.GetString(3), ignoreCase: true),
                    r.GetString(4), r.GetString(5), r.GetString(6), r.GetInt64(7) != 0, r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9)));
            }

            return list;
        }
    }

    /// <summary>Marks the run finished (done or cancelled) with its run.json summary.</summary>
    public void FinishRun(long runId, RunStatus status, string summaryJson)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "UPDATE runs SET status = $status, finished = $now, summary = $summary WHERE id = $run");
            cmd.Parameters.AddWithValue("$run", runId);
            cmd.Parameters.AddWithValue("$status", Name(status));
            cmd.Parameters.AddWithValue("$now", Iso(_time.GetUtcNow()));
            cmd.Parameters.AddWithValue("$summary", summaryJson);
            cmd.ExecuteNonQuery();
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

    private void WriteLock(SqliteTransaction? tx, StoreLockHolder holder)
    {
        using var cmd = Command(tx, "INSERT OR REPLACE INTO lock(one, pid, started, host, acquired, token) VALUES (1, $pid, $started, $host, $acquired, $token)");
        cmd.Parameters.AddWithValue("$pid", holder.Pid);
        cmd.Parameters.AddWithValue("$started", Iso(holder.ProcessStarted));
        cmd.Parameters.AddWithValue("$host", holder.Host);
        cmd.Parameters.AddWithValue("$acquired", Iso(holder.Acquired));
        cmd.Parameters.AddWithValue("$token", holder.Token);
        cmd.ExecuteNonQuery();
    }

    private StoreLockHolder? ReadLock(SqliteTransaction? tx)
    {
        using var cmd = Command(tx, "SELECT pid, started, host, acquired, token FROM lock WHERE one = 1");
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new StoreLockHolder(r.GetInt32(0), ParseIso(r.GetString(1)), r.GetString(2), ParseIso(r.GetString(3)), r.GetString(4))
            : null;
    }

    internal SqliteCommand Command(SqliteTransaction? tx, string sql)
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

    /// <summary>The store's (and run.json's) spelling of a failure kind.</summary>
    public static string Name(FailureKind k) => k.ToString().ToLowerInvariant();

    /// <summary>The store's (and run.json's) spelling of a run status.</summary>
    public static string Name(RunStatus s) => s.ToString().ToLowerInvariant();

    private static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseIso(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
