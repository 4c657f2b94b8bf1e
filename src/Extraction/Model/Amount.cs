namespace Extraction.Model;

/// <summary>A money amount in base units, with ISO currency (null when none could be found).</summary>
public sealed record Amount(decimal Min, decimal Max, string? Currency, Qualifier Qualifier);
