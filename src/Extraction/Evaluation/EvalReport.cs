namespace Extraction.Evaluation;

// The report's small parts live here with it: they only exist as its fields.

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

    /// <summary>Predicted facts that matched only borderline or conversion gold lines: not counted either way.</summary>
    public int Ignored { get; init; }
}

/// <summary>The figures of one article.</summary>
public sealed record ArticleScore(string Article, Score Amounts, Score AmountsWithActor, Score Hardware);

/// <summary>A missed gold fact (Text is its quote) or a spurious predicted fact (Text is its mention) with its sentence.</summary>
public sealed record EvalIssue(string Article, bool IsMiss, string Description, string Text, string? Sentence)
{
    public override string ToString() =>
        $"{Article}: {(IsMiss ? "missed" : "spurious")} {Description} \"{Text}\"" + (Sentence is null ? "" : $" in \"{Short(Sentence)}\"");

    private static string Short(string s) => s.Length <= 160 ? s : s[..160] + "...";
}
