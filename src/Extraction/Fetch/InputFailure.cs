namespace Extraction.Fetch;

/// <summary>An input that could not be turned into an article, with the reason and where on its path it failed.</summary>
public sealed record InputFailure(string Input, string Reason)
{
    /// <summary>Where the input failed; the article path sets it for failures of its later stages.</summary>
    public FailureKind Kind { get; init; } = FailureKind.Input;
}
