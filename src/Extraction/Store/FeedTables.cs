namespace Extraction.Store;

/// <summary>The store's tables for news feeds and sitemaps (schema version 4): what each feed and each of its links last gave.</summary>
internal static class FeedTables
{
    /// <summary>Adds <c>feeds</c> (validators and last body of each feed or sitemap) and <c>feed_items</c> (each link seen, with what its page last gave).</summary>
    public static StoreMigration Migration { get; } = new(4, """
        CREATE TABLE feeds(
          url            TEXT PRIMARY KEY,
          etag           TEXT,
          last_modified  TEXT,
          body           BLOB,
          fetched        TEXT NOT NULL,
          status         TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
          reason         TEXT
        );
        CREATE TABLE feed_items(
          url            TEXT PRIMARY KEY,
          feed           TEXT NOT NULL,
          first_seen     TEXT NOT NULL,
          item_date      TEXT,
          sha256         TEXT,
          etag           TEXT,
          last_modified  TEXT,
          fetched        TEXT
        );
        """);
}
