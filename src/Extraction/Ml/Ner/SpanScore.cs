namespace Extraction.Ml.Ner;

/// <summary>Precision, recall and F1 of entity spans (entity level: a span counts only with exactly gold's first and last token and class).</summary>
public sealed record SpanScore(int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The sum of two scores (pooled counts).</summary>
    public static SpanScore operator +(SpanScore a, SpanScore b) => new(a.Gold + b.Gold, a.Predicted + b.Predicted, a.Correct + b.Correct);
}
