namespace Extraction.Diff;

/// <summary>One field that differs between two versions of a record, in base units ("3200000000", "EUR", "about").</summary>
public sealed record FieldChange(string Field, string? Old, string? New);
