using Microsoft.Data.Sqlite;

namespace Extraction.Store;

/// <summary>
/// The statements of a commit, each prepared once per transaction and run for every article in
/// it with new values (preparing one costs more than running it).
/// </summary>
internal sealed class CommitStatements : IDisposable
{
    public CommitStatements(RunStore store, SqliteTransaction tx, long runId)
    {
        Entry = store.Command(tx, """
            INSERT OR REPLACE INTO run_articles(run_id, article, sha256, change, status, reason, result_id, ms, finished, failure)
            VALUES ($run, $a, $h, $change, $status, $reason, $result, $ms, $now, $failure)
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
