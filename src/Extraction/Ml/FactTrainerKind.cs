namespace Extraction.Ml;

/// <summary>The ML.NET trainers a fact or actor model can be trained with.</summary>
public enum FactTrainerKind
{
    /// <summary>Gradient-boosted trees (ML.NET FastTree), calibrated to probabilities.</summary>
    FastTree,

    /// <summary>Linear logistic regression (ML.NET L-BFGS), the linear baseline.</summary>
    Lbfgs,
}
