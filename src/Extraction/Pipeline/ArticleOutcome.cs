using Extraction.Fetch;
using Extraction.Model;
using Extraction.Store;

namespace Extraction.Pipeline;

/// <summary>What happened to one input in a run with a store.</summary>
public sealed record ArticleOutcome(
    InputItem Input,
    Article? Article,
    IReadOnlyList<Fact> Facts,
    InputFailure? Failure,
    string? Encoding,
    TimeSpan Elapsed,
    string? Sha256,
    ArticleChange? Change,
    ArticleStatus Status,
    bool FromInterruptedRun);
