namespace Extraction.Evaluation;

/// <summary>All measures of one evaluation, per corpus and per article, with the misses and spurious facts for reading.</summary>
public sealed record EvalReport(
    Score Amounts,
    Score AmountsWithActor,
    Score Hardware,
    Score? Records,
    List<EvalIssue> Missed,
    List<EvalIssue> Spurious)
{
    /// <summary>Per scored article (gold names it), in ordinal order: amounts, amounts with actor and hardware.</summary>
    public IReadOnlyList<ArticleScore> Articles { get; init; } = [];

    /// <summary>Counted gold amounts that were found with none of the gold's actor names: the prediction, with what the gold has.</summary>
    public IReadOnlyList<EvalIssue> WrongActors { get; init; } = [];

    /// <summary>Predicted facts that matched only borderline or conversion gold lines: not counted either way.</summary>
    public int Ignored { get; init; }
}
