namespace Extraction.Fetch;

/// <summary>What a server said about a stored copy (ETag, Last-Modified), sent back as If-None-Match / If-Modified-Since.</summary>
public sealed record FetchConditions(string? ETag, DateTimeOffset? LastModified)
{
    /// <summary>Whether there is anything to send.</summary>
    public bool IsEmpty => ETag is null && LastModified is null;
}
