namespace Extraction.Store;

/// <summary>One input of one run, as committed.</summary>
public sealed record RunArticle(
    string Article,
    string? Sha256,
    ArticleChange? Change,
    ArticleStatus Status,
    string? Reason,
    long? ResultId,
    TimeSpan Elapsed);
