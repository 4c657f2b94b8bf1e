namespace Extraction.Evaluation;

/// <summary>The figures of one article.</summary>
public sealed record ArticleScore(string Article, Score Amounts, Score AmountsWithActor, Score Hardware);
