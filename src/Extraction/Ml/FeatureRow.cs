namespace Extraction.Ml;

/// <summary>Input row of the fact and actor models: the feature strings made by the fact extractor, and the label in training.</summary>
public sealed class FeatureRow
{
    /// <summary>The candidate's features (a bag of strings; the model maps them to slots it learnt).</summary>
    public string[] Features { get; set; } = [];

    /// <summary>True for a fact (or the right actor); ignored when scoring.</summary>
    public bool Label { get; set; }
}
