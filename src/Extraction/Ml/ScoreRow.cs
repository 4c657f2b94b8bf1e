namespace Extraction.Ml;

/// <summary>Output row of the fact and actor models.</summary>
public sealed class ScoreRow
{
    /// <summary>Calibrated probability of the positive class.</summary>
    public float Probability { get; set; }
}
