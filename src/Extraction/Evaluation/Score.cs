namespace Extraction.Evaluation;

/// <summary>Precision, recall and F1 of one measure.</summary>
public sealed record Score(string Name, int MatchedPredicted, int Predicted, int MatchedGold, int Gold)
{
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)MatchedPredicted / Predicted;

    public double Recall => Gold == 0 ? 1 : (double)MatchedGold / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The sum of two counts of the same measure.</summary>
    public Score Add(Score other) =>
        new(Name, MatchedPredicted + other.MatchedPredicted, Predicted + other.Predicted, MatchedGold + other.MatchedGold, Gold + other.Gold);
}
