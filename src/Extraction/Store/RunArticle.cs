using Extraction.Fetch;

namespace Extraction.Store;

/// <summary>One input of one run, as committed.</summary>
public sealed record RunArticle(
    string Article,
    string? Sha256,
    ArticleChange? Change,
    ArticleStatus Status,
    string? Reason,
    long? ResultId,
    TimeSpan Elapsed)
{
    /// <summary>Where a failed input failed (null for one that did not, and for failures stored before schema 3).</summary>
    public FailureKind? Failure { get; init; }
}
