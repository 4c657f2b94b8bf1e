namespace Extraction.Model;

/// <summary>Contract spellings of the enums (docs/contract.md); they must change together with it.</summary>
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
