namespace Extraction.Fetch;

/// <summary>Where an input comes from.</summary>
public enum InputKind
{
    File,
    Url,
}

/// <summary>How a document's bytes are to be read.</summary>
public enum DocumentFormat
{
    Html,
    Text,
}

/// <summary>One article to fetch: its contract id (relative path or URL) and its location.</summary>
public sealed record InputItem(string ArticleId, string Location, InputKind Kind)
{
    /// <summary>Validators of a stored copy: the request is made conditional and a 304 comes back as <see cref="FetchOutcome.NotModified"/>.</summary>
    public FetchConditions? Conditions { get; init; }

    /// <summary>A feed or sitemap: any content type is accepted (the reader decides) and XML is asked for first.</summary>
    public bool IsFeed { get; init; }
}

/// <summary>What a server said about a stored copy (ETag, Last-Modified), sent back as If-None-Match / If-Modified-Since.</summary>
public sealed record FetchConditions(string? ETag, DateTimeOffset? LastModified)
{
    /// <summary>Whether there is anything to send.</summary>
    public bool IsEmpty => ETag is null && LastModified is null;
}

/// <summary>An input that could not be turned into an article, with the reason and where on its path it failed.</summary>
public sealed record InputFailure(string Input, string Reason)
{
    /// <summary>Where the input failed; the article path sets it for failures of its later stages.</summary>
    public FailureKind Kind { get; init; } = FailureKind.Input;
}

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

/// <summary>The result of fetching one input: a document, a failure, or "not modified", never an exception.</summary>
public sealed record FetchOutcome(FetchedDocument? Document, InputFailure? Failure)
{
    /// <summary>The server answered a conditional request with 304: the stored copy is current.</summary>
    public bool NotModified { get; init; }

    /// <summary>Set with <see cref="NotModified"/> by a caller that knows the stored copy: its SHA-256, whose result is reused.</summary>
    public string? UnchangedSha256 { get; init; }

    /// <summary>A 304: neither document nor failure.</summary>
    public static FetchOutcome Unchanged(string? sha256 = null) => new(null, null) { NotModified = true, UnchangedSha256 = sha256 };

    public static FetchOutcome Ok(FetchedDocument document) => new(document, null);

    public static FetchOutcome Fail(string input, string reason) => new(null, new InputFailure(input, reason) { Kind = FailureKind.Fetch });
}

/// <summary>Fetches the bytes of one input.</summary>
public interface IDocumentFetcher
{
    Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken);
}
