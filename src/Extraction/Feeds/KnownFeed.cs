namespace Extraction.Feeds;

/// <summary>What the store remembers of one feed or sitemap: its validators and the last body it sent.</summary>
public sealed record KnownFeed(string Url, string? ETag, DateTimeOffset? LastModified, byte[]? Body);
