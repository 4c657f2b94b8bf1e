namespace Extraction.Model;

/// <summary>A hardware count (min = max unless a range).</summary>
public sealed record Count(long Min, long Max, Qualifier Qualifier);
