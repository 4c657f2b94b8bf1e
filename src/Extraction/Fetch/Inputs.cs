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
public sealed record InputItem(string ArticleId, string Location, InputKind Kind);

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
    string? Url);

/// <summary>The result of fetching one input: a document or a failure, never an exception.</summary>
public sealed record FetchOutcome(FetchedDocument? Document, InputFailure? Failure)
{
    public static FetchOutcome Ok(FetchedDocument document) => new(document, null);

    public static FetchOutcome Fail(string input, string reason) => new(null, new InputFailure(input, reason) { Kind = FailureKind.Fetch });
}

/// <summary>Fetches the bytes of one input.</summary>
public interface IDocumentFetcher
{
    Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken);
}
