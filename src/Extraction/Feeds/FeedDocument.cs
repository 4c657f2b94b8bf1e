namespace Extraction.Feeds;

/// <summary>A parsed feed or sitemap: its items, or (for a sitemap index) the sitemaps it lists.</summary>
public sealed record FeedDocument(FeedKind Kind, IReadOnlyList<FeedEntry> Entries, IReadOnlyList<SitemapRef> Sitemaps);
