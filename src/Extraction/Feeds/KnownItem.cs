namespace Extraction.Feeds;

/// <summary>What the store remembers of one link: the feed's date for it and its page's hash and validators when last fetched.</summary>
public sealed record KnownItem(string Url, string Feed, DateTimeOffset? ItemDate, string? Sha256, string? ETag, DateTimeOffset? LastModified);
