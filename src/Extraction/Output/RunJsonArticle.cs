using Extraction.Fetch;
using Extraction.Pipeline;
using Extraction.Store;

namespace Extraction.Output;

/// <summary>What run.json and the run's summary keep of one article once it is written.</summary>
internal sealed record RunJsonArticle(
    string ArticleId,
    InputFailure? Failure,
    int Facts,
    TimeSpan Elapsed,
    string? Encoding,
    ArticleStatus Status,
    ArticleChange? Change,
    string? Sha256,
    bool FromInterruptedRun)
{
    public static RunJsonArticle Of(ArticleOutcome o) =>
        new(o.Input.ArticleId, o.Article is null ? o.Failure ?? new InputFailure(o.Input.ArticleId, "failed") : null,
            o.Facts.Count, o.Elapsed, o.Encoding, o.Status, o.Change, o.Sha256, o.FromInterruptedRun);
}
