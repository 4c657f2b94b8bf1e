namespace Extraction.Store;

/// <summary>A run as the store keeps it.</summary>
public sealed record StoredRun(
    long Id,
    DateTimeOffset Started,
    DateTimeOffset? Finished,
    RunStatus Status,
    string Version,
    string ConfigKey,
    string Inputs,
    bool Full,
    string? OutDir,
    string? Summary);
