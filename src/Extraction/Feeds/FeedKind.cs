namespace Extraction.Feeds;

/// <summary>What a feed or sitemap file is.</summary>
public enum FeedKind
{
    Rss2,
    Rss1,
    Atom,
    Sitemap,
    SitemapIndex,
    GoogleNewsSitemap,
}
