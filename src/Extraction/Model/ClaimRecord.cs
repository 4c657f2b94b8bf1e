namespace Extraction.Model;

/// <summary>A deduplicated claim with all its sources (a line of records.jsonl, docs/contract.md).</summary>
public sealed record ClaimRecord(
    string Id,
    FactKind Kind,
    string? Actor,
    Amount? Amount,
    Count? Count,
    string? Unit,
    string? HardwareModel,
    IReadOnlyList<Source> Sources,
    int Mentions);
