namespace Extraction.Model;

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
