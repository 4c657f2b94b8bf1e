// Three small value types of one decision: the rule identities, the verdict, the cues it read.

namespace Extraction.Facts.Decision;

/// <summary>Which rule decided whether a figure is a fact: an identity, not an explanation.</summary>
public enum DecisionRule
{
    Retracted,
    Year,
    VagueCount,
    TooFewUnits,
    HardwareNearNegative,
    HardwareCount,
    TooSmall,
    NegativeCue,
    NoCue,
    InvestmentCue,
    PerUnit,
    Conversion,
    GeneralWordInDistress,
}

/// <summary>The rules' verdict on a figure: accept or not, how sure, the rule, and the cue word it read (if any).</summary>
public readonly record struct RuleVerdict(bool Accept, double Confidence, DecisionRule Rule, string? Word = null)
{
    /// <summary>The explanation a reader sees (--explain, rules only).</summary>
    /// <summary>
    /// True when the rules' rejection stands whatever a trained scorer says: a retracted figure, a
    /// price, an amount per unit, a conversion, a year or a vague count are never facts.
    /// </summary>
    public bool Veto => !Accept && Rule is DecisionRule.Retracted or DecisionRule.Year or DecisionRule.VagueCount or DecisionRule.TooFewUnits
        or DecisionRule.TooSmall or DecisionRule.PerUnit or DecisionRule.Conversion;

    public string Text => Rule switch
    {
        DecisionRule.Retracted => "retracted figure",
        DecisionRule.Year => "a year, not a count",
        DecisionRule.VagueCount => "per-unit or vague count",
        DecisionRule.TooFewUnits => "too few units to be a facility",
        DecisionRule.HardwareNearNegative => "hardware next to a price or revenue word",
        DecisionRule.HardwareCount => "hardware count with unit",
        DecisionRule.TooSmall => "too small for an investment (a price or fee)",
        DecisionRule.NegativeCue => "nearest cue is not an investment (" + Word + ")",
        DecisionRule.NoCue => "no investment cue in the sentence",
        DecisionRule.InvestmentCue => "investment cue '" + Word + "'",
        DecisionRule.PerUnit => "an amount per unit (pro, je), not a total",
        DecisionRule.Conversion => "the article's conversion of the figure before it",
        DecisionRule.GeneralWordInDistress => "only a general money word ('" + Word + "') in an insolvency or court report",
        _ => Rule.ToString(),
    };
}

/// <summary>The nearest investment, non-investment and strong investment cues around a figure (token indices, -1 for none).</summary>
public readonly record struct NearCues(int Positive, int Negative, int StrongPositive);
