using Microsoft.Data.Sqlite;

namespace Extraction.Store;

/// <summary>
/// The run store's schema, versioned with PRAGMA user_version and marked with PRAGMA application_id.
/// Each migration runs in one transaction with the version bump, so a store is either at the old
/// version or at the new one, never half-way.
/// </summary>
public static class StoreSchema
{
    /// <summary>PRAGMA application_id of an extract store ("EXTR").</summary>
    public const int ApplicationId = 0x45585452;

    /// <summary>The schema version this build writes.</summary>
    public static int Current => Migrations[^1].To;

    /// <summary>All migrations in order; version 0 is an empty file.</summary>
    public static IReadOnlyList<StoreMigration> Migrations { get; } =
    [
        new(1, """
            CREATE TABLE runs(
              id          INTEGER PRIMARY KEY,
              started     TEXT NOT NULL,
              finished    TEXT,
              status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'abandoned')),
              version     TEXT NOT NULL,
              config_key  TEXT NOT NULL,
              inputs      TEXT NOT NULL,
              full        INTEGER NOT NULL,
              out_dir     TEXT,
              summary     TEXT
            );
            CREATE TABLE results(
              id            INTEGER PRIMARY KEY,
              article       TEXT NOT NULL,
              sha256        TEXT NOT NULL,
              config_key    TEXT NOT NULL,
              article_json  TEXT NOT NULL,
              encoding      TEXT,
              created       TEXT NOT NULL,
              UNIQUE (article, sha256, config_key)
            );
            CREATE TABLE facts(
              result_id  INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
              seq        INTEGER NOT NULL,
              kind       TEXT NOT NULL,
              actor      TEXT,
              fact_json  TEXT NOT NULL,
              PRIMARY KEY (result_id, seq)
            );
            CREATE TABLE run_articles(
              run_id     INTEGER NOT NULL REFERENCES runs(id),
              article    TEXT NOT NULL,
              sha256     TEXT,
              change     TEXT CHECK (change IN ('new', 'changed', 'unchanged')),
              status     TEXT NOT NULL CHECK (status IN ('processed', 'reused', 'failed')),
              reason     TEXT,
              result_id  INTEGER REFERENCES results(id),
              ms         INTEGER NOT NULL,
              finished   TEXT NOT NULL,
              PRIMARY KEY (run_id, article)
            );
            CREATE TABLE records(
              run_id       INTEGER NOT NULL REFERENCES runs(id),
              seq          INTEGER NOT NULL,
              id           TEXT NOT NULL,
              kind         TEXT NOT NULL,
              actor        TEXT,
              record_json  TEXT NOT NULL,
              PRIMARY KEY (run_id, seq)
            );
            CREATE TABLE lock(
              one       INTEGER PRIMARY KEY CHECK (one = 1),
              pid       INTEGER NOT NULL,
              started   TEXT NOT NULL,
              host      TEXT NOT NULL,
              acquired  TEXT NOT NULL,
              token     TEXT NOT NULL
            );
            CREATE INDEX run_articles_result ON run_articles(result_id);
            """),

        // A result's facts move into the result's row as one JSON array (in order): one row written
        // per article instead of one per fact, which was most of what a commit cost.
        new(2, """
            ALTER TABLE results ADD COLUMN facts_json TEXT NOT NULL DEFAULT '[]';
            UPDATE results SET facts_json = (
              SELECT json_group_array(json(f.fact_json) ORDER BY f.seq) FROM facts f WHERE f.result_id = results.id)
            WHERE id IN (SELECT result_id FROM facts);
            DROP TABLE facts;
            """),

        // Where a failed input failed (FailureKind in lower case: input, fetch, clean, notext, internal).
        new(3, """
            ALTER TABLE run_articles ADD COLUMN failure TEXT;
            """),

        // News feeds and sitemaps: feeds, feed_items (Store/FeedTables.cs).
        FeedTables.Migration,
    ];

    /// <summary>
    /// Checks what the file is and brings it to <paramref name="migrations"/>' last version; throws
    /// <see cref="StoreException"/> (leaving the file untouched) for a foreign database or a newer schema.
    /// </summary>
    internal static void Upgrade(SqliteConnection db, string path, IReadOnlyList<StoreMigration> migrations)
    {
        var target = migrations[^1].To;
        var appId = Scalar(db, "PRAGMA application_id");
        var version = Scalar(db, "PRAGMA user_version");
        if (appId != ApplicationId)
        {
            var tables = Scalar(db, "SELECT count(*) FROM sqlite_schema");
            if (appId != 0 || tables > 0 || version != 0)
            {
                throw new StoreException($"{path} is an SQLite database but not an extract run store; give another --store path");
            }
        }

        if (version > target)
        {
            throw new StoreException(
                $"{path} has store schema version {version}, but this extract reads versions up to {target}; " +
                "it was written by a newer extract: upgrade extract or give another --store path (the store was not changed)");
        }

        foreach (var m in migrations.Where(m => m.To > version).OrderBy(m => m.To).ToList())
        {
            using var tx = db.BeginTransaction();
            using (var cmd = db.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = m.Sql;
                try
                {
                    cmd.ExecuteNonQuery();
                }
                catch (SqliteException ex)
                {
                    throw new StoreException($"{path}: migrating the store to schema version {m.To} failed, it stays at version {version}: {ex.Message}", ex);
                }
            }

            using (var cmd = db.CreateCommand())
            {
                // PRAGMA takes no parameters; the values are integers from code, not input.
                cmd.Transaction = tx;
                cmd.CommandText = FormattableString.Invariant($"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {m.To}");
                cmd.ExecuteNonQuery();
            }

            try
            {
                tx.Commit();
            }
            catch (SqliteException ex)
            {
                throw new StoreException($"{path}: migrating the store to schema version {m.To} failed, it stays at version {version}: {ex.Message}", ex);
            }

            version = m.To;
        }
    }

    internal static long Scalar(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
