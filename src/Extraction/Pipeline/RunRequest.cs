namespace Extraction.Pipeline;

/// <summary>What one run is asked to do.</summary>
public sealed record RunRequest
{
    /// <summary>Files, folders and URLs as given on the command line.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>A file of URLs, one a line, or null.</summary>
    public string? UrlsFile { get; init; }

    /// <summary>Where the four output files go.</summary>
    public required string OutDir { get; init; }

    /// <summary>The run store (SQLite), or null to process every input without one.</summary>
    public string? StorePath { get; init; }

    /// <summary>Process every input even when the store holds its result for the same content and pipeline.</summary>
    public bool Full { get; init; }

    /// <summary>Told about the run's progress, or null.</summary>
    public IRunProgress? Progress { get; init; }

    /// <summary>Inputs found at run time (news feeds, sitemaps), or null.</summary>
    public IRunSource? Source { get; init; }
}
