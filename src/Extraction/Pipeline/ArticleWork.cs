using Extraction.Fetch;
using Extraction.Model;

namespace Extraction.Pipeline;

/// <summary>
/// One article on its way through the stages: the fetched document, then the article the clean stage
/// made, then its facts; a stage that sets <see cref="Failure"/> ends the path for this article.
/// </summary>
/// <param name="Input">The input being processed.</param>
/// <param name="Document">Its fetched bytes.</param>
public sealed record ArticleWork(InputItem Input, FetchedDocument Document)
{
    /// <summary>The cleaned article; null until the clean stage ran.</summary>
    public Article? Article { get; init; }

    /// <summary>The facts found so far.</summary>
    public IReadOnlyList<Fact> Facts { get; init; } = [];

    /// <summary>The character encoding the bytes were decoded with, once known.</summary>
    public string? Encoding { get; init; }

    /// <summary>Why the article failed, or null while it has not.</summary>
    public InputFailure? Failure { get; init; }

    /// <summary>The run's source that found the input (a feed), which completes its metadata; null for plain inputs.</summary>
    public IRunSource? Source { get; init; }

    /// <summary>This work failed with <paramref name="kind"/> and <paramref name="reason"/>, naming the input.</summary>
    public ArticleWork Fail(FailureKind kind, string reason) =>
        this with { Failure = new InputFailure(Input.ArticleId, reason) { Kind = kind } };
}
