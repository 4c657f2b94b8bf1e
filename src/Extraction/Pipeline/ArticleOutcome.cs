using Extraction.Fetch;
using Extraction.Model;
using Extraction.Store;

namespace Extraction.Pipeline;

/// <summary>
/// What happened to one input on the article path: its article and facts, or a failure with its
/// kind; in a batch also its content hash, how it changed and whether it was processed or reused.
/// The one result of <c>run</c>, <c>clean</c>, the batch runner and the tests.
/// </summary>
public sealed record ArticleOutcome(
    InputItem Input,
    Article? Article,
    IReadOnlyList<Fact> Facts,
    InputFailure? Failure,
    string? Encoding,
    TimeSpan Elapsed)
{
    /// <summary>The SHA-256 of the fetched bytes (in a batch), or null when fetching failed.</summary>
    public string? Sha256 { get; init; }

    /// <summary>How the content compares with the store's last completed run (in a batch).</summary>
    public ArticleChange? Change { get; init; }

    /// <summary>Processed on this path, reused from the store, or failed.</summary>
    public ArticleStatus Status { get; init; }

    /// <summary>Done by the interrupted run this one resumes, not by this run.</summary>
    public bool FromInterruptedRun { get; init; }

    /// <summary>Where the input failed, or null when it did not.</summary>
    public FailureKind? FailureKind => Failure?.Kind;

    /// <summary>The store's result that was reused, or null.</summary>
    internal long? ReusedResultId { get; init; }

    /// <summary>A failed input.</summary>
    public static ArticleOutcome Failed(InputItem input, InputFailure failure, string? encoding, TimeSpan elapsed) =>
        new(input, null, [], failure, encoding, elapsed) { Status = ArticleStatus.Failed };
}
