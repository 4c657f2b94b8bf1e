namespace Extraction.Fetch;

/// <summary>Raw bytes of one article plus what the transport said about them.</summary>
public sealed record FetchedDocument(
    InputItem Input,
    byte[] Content,
    DocumentFormat Format,
    string? DeclaredCharset,
    string? Url)
{
    /// <summary>The response's ETag, for a conditional request next time.</summary>
    public string? ETag { get; init; }

    /// <summary>The response's Last-Modified, for a conditional request next time.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The response's media type (lower case), or null for files and responses without one.</summary>
    public string? MediaType { get; init; }
}
