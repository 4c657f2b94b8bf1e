namespace Extraction.Facts;

/// <summary>Decides whether a candidate is a fact (rules, optionally a trained model) and how sure it is.</summary>
public interface IFactScorer
{
    /// <summary>Probability in [0,1] that the candidate is a fact, and the features that weighed most.</summary>
    (double Probability, IReadOnlyList<string> Top) Score(IReadOnlyList<string> features);

    /// <summary>Probability alone, for ranking many candidates without building explanations.</summary>
    double Probability(IReadOnlyList<string> features) => Score(features).Probability;

    /// <summary>The probability from which a candidate the rules accept stays a fact, unless the extractor is given another (a rejected one needs 0.5).</summary>
    double Threshold => 0.5;

    /// <summary>The scorer that ranks a fact's candidate actors, or null when the rules' choice stands.</summary>
    IFactScorer? ActorScorer => null;
}
