// Several public types in one file, on purpose: the contract's enums and their spellings, which
// must change together.

namespace Extraction.Model;

/// <summary>What a fact states: money put into something, or a count of compute hardware.</summary>
public enum FactKind
{
    Investment,
    Hardware,
}

/// <summary>How precisely a figure is stated (CONTRACT.md qualifiers).</summary>
public enum Qualifier
{
    Exact,
    About,
    Over,
    Under,
    UpTo,
    AtLeast,
}

/// <summary>Contract spellings of the enums.</summary>
public static class ContractNames
{
    public static string Of(Qualifier q) => q switch
    {
        Qualifier.Exact => "exact",
        Qualifier.About => "about",
        Qualifier.Over => "over",
        Qualifier.Under => "under",
        Qualifier.UpTo => "up_to",
        Qualifier.AtLeast => "at_least",
        _ => throw new ArgumentOutOfRangeException(nameof(q)),
    };

    public static Qualifier ParseQualifier(string? s) => s switch
    {
        "about" => Qualifier.About,
        "over" => Qualifier.Over,
        "under" => Qualifier.Under,
        "up_to" => Qualifier.UpTo,
        "at_least" => Qualifier.AtLeast,
        _ => Qualifier.Exact,
    };

    public static string Of(FactKind k) => k == FactKind.Investment ? "investment" : "hardware";
}
