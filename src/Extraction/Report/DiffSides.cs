namespace Extraction.Report;

/// <summary>What the two sides of a diff are: folders, or runs in a store.</summary>
public sealed record DiffSides(string From, string To);
