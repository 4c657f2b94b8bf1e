using Extraction.Fetch;
using Extraction.Model;
using Extraction.Output;
using Microsoft.Data.Sqlite;

namespace Extraction.Store;

/// <summary>The run store's articles: results looked up and committed, records written and read.</summary>
public sealed partial class RunStore
{
    /// <summary>The inputs a run committed, by article id.</summary>
    public IReadOnlyDictionary<string, RunArticle> RunArticles(long runId)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "SELECT article, sha256, change, status, reason, result_id, ms, failure FROM run_articles WHERE run_id = $id");
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
                    TimeSpan.FromMilliseconds(r.GetInt64(6)))
                {
                    Failure = r.IsDBNull(7) ? null : Enum.Parse<FailureKind>(r.GetString(7), ignoreCase: true),
                };
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
        Set(cmd, "$failure", entry.Failure is { } kind ? Name(kind) : null);
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
}
