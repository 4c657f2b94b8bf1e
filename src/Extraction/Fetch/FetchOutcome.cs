namespace Extraction.Fetch;

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
