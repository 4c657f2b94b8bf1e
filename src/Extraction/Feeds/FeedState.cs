using System.Globalization;
using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace Extraction.Feeds;

/// <summary>
/// The feed tables of a run store (Store/FeedTables.cs), on a connection of their own to the store file. The run
/// holds the store's lock while this is open; thread-safe, one caller at a time.
/// </summary>
public sealed class FeedState : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();

    private FeedState(SqliteConnection db) => _db = db;

    /// <summary>Opens the feed tables of a store already opened (and so migrated) by <see cref="Store.RunStore"/>.</summary>
    public static FeedState Open(string storePath)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = storePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString());
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL";
        cmd.ExecuteNonQuery();
        return new FeedState(db);
    }

    /// <summary>The stored state of a feed, or null when it was never read.</summary>
    public KnownFeed? Feed(string url)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT etag, last_modified, body FROM feeds WHERE url = $u";
            cmd.Parameters.AddWithValue("$u", url);
            using var r = cmd.ExecuteReader();
            if (!r.Read())
            {
                return null;
            }

            var body = r.IsDBNull(2) ? null : Unpack((byte[])r.GetValue(2));
            return new KnownFeed(url, r.IsDBNull(0) ? null : r.GetString(0), Date(r, 1), body);
        }
    }

    /// <summary>Remembers a feed that was read (its body kept, compressed, for a later 304) or that failed (its body kept as it was).</summary>
    public void SaveFeed(string url, DateTimeOffset now, string? etag, DateTimeOffset? lastModified, byte[]? body, string? failure)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = failure is null
                ? """
                  INSERT INTO feeds(url, etag, last_modified, body, fetched, status, reason) VALUES ($u, $e, $m, $b, $f, 'ok', NULL)
                  ON CONFLICT(url) DO UPDATE SET etag = $e, last_modified = $m, body = coalesce($b, body), fetched = $f, status = 'ok', reason = NULL
                  """
                : """
                  INSERT INTO feeds(url, fetched, status, reason) VALUES ($u, $f, 'failed', $r)
                  ON CONFLICT(url) DO UPDATE SET fetched = $f, status = 'failed', reason = $r
                  """;
            cmd.Parameters.AddWithValue("$u", url);
            cmd.Parameters.AddWithValue("$e", (object?)etag ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$m", (object?)Text(lastModified) ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$b", body is null ? DBNull.Value : Pack(body));
            cmd.Parameters.AddWithValue("$f", Text(now));
            cmd.Parameters.AddWithValue("$r", (object?)failure ?? DBNull.Value);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Every link the store has seen, by normalised URL.</summary>
    public IReadOnlyDictionary<string, KnownItem> Items()
    {
        lock (_gate)
        {
            var items = new Dictionary<string, KnownItem>(StringComparer.Ordinal);
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT url, feed, item_date, sha256, etag, last_modified FROM feed_items";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var url = r.GetString(0);
                items[url] = new KnownItem(url, r.GetString(1), Date(r, 2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), Date(r, 5));
            }

            return items;
        }
    }

    /// <summary>Remembers a link whose page was fetched (or found unchanged): the feed's date for it, the page's hash and validators.</summary>
    public void SaveItem(KnownItem item, DateTimeOffset now)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                INSERT INTO feed_items(url, feed, first_seen, item_date, sha256, etag, last_modified, fetched) VALUES ($u, $feed, $now, $d, $s, $e, $m, $now)
                ON CONFLICT(url) DO UPDATE SET item_date = $d, sha256 = $s, etag = $e, last_modified = $m, fetched = $now
                """;
            cmd.Parameters.AddWithValue("$u", item.Url);
            cmd.Parameters.AddWithValue("$feed", item.Feed);
            cmd.Parameters.AddWithValue("$now", Text(now));
            cmd.Parameters.AddWithValue("$d", (object?)Text(item.ItemDate) ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$s", (object?)item.Sha256 ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$e", (object?)item.ETag ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$m", (object?)Text(item.LastModified) ?? DBNull.Value);
            cmd.ExecuteNonQuery();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _db.Dispose();

    private static string? Text(DateTimeOffset? date) => date?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Date(SqliteDataReader r, int column) =>
        r.IsDBNull(column) ? null : DateTimeOffset.Parse(r.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static byte[] Pack(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }

    private static byte[] Unpack(byte[] packed)
    {
        using var input = new GZipStream(new MemoryStream(packed, writable: false), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
