namespace Extraction.Feeds;

/// <summary>A sitemap listed by a sitemap index, with its lastmod when given.</summary>
public sealed record SitemapRef(string Link, DateTimeOffset? LastModified);
