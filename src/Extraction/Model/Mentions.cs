// Several public types in one file, on purpose: the values a recogniser finds (amount, count and
// the mentions carrying them) are records of a line or two that are read together.

namespace Extraction.Model;

/// <summary>A money amount in base units, with ISO currency (null when none could be found).</summary>
public sealed record Amount(decimal Min, decimal Max, string? Currency, Qualifier Qualifier);

/// <summary>A hardware count (min = max unless a range).</summary>
public sealed record Count(long Min, long Max, Qualifier Qualifier);

/// <summary>How a money mention's currency was found.</summary>
public enum CurrencyEvidence
{
    /// <summary>Named unambiguously ("Euro", "US-Dollar", "CAD", "€").</summary>
    Explicit,

    /// <summary>A bare "Dollar" or "$": USD unless the article is about another dollar country.</summary>
    BareDollar,

    /// <summary>No currency in the phrase ("eine Milliarde in ..."); taken from context later.</summary>
    Implied,
}

/// <summary>A money expression found in text, with offsets into the text it was found in.</summary>
public sealed record MoneyMention(int Start, int Length, string Text, Amount Amount, CurrencyEvidence Evidence);

/// <summary>A hardware count expression found in text, with offsets.</summary>
public sealed record HardwareMention(int Start, int Length, string Text, Count Count, string Unit, string? Model, string? Vendor);
