namespace Extraction.Model;

/// <summary>A money amount in base units, with ISO currency (null when none could be found).</summary>
public sealed record Amount(decimal Min, decimal Max, string? Currency, Qualifier Qualifier);

/// <summary>A hardware count (min = max unless a range).</summary>
public sealed record Count(long Min, long Max, Qualifier Qualifier);

/// <summary>A money expression found in text, with offsets into the text it was found in.</summary>
public sealed record MoneyMention(int Start, int Length, string Text, Amount Amount, bool CurrencyImplied);

/// <summary>A hardware count expression found in text, with offsets.</summary>
public sealed record HardwareMention(int Start, int Length, string Text, Count Count, string Unit, string? Model, string? Vendor);
