using Extraction.Fetch;
using Extraction.Store;

namespace Extraction.Pipeline;

/// <summary>The summary of one run, as written to run.json.</summary>
public sealed record RunSummary(
    DateTimeOffset Started,
    DateTimeOffset Finished,
    IReadOnlyList<string> Inputs,
    int Articles,
    int Facts,
    int Records,
    IReadOnlyList<InputFailure> Failures,
    IReadOnlyDictionary<string, long> TimingsMs)
{
    /// <summary>Memory in MB: the process's peak working set, and the managed heap after processing and after the records.</summary>
    public IReadOnlyDictionary<string, long> MemoryMb { get; init; } = new Dictionary<string, long>();

    /// <summary>The store's id of this run, or null without a store.</summary>
    public long? RunId { get; init; }

    /// <summary>The run store used, or null.</summary>
    public string? StorePath { get; init; }

    /// <summary>This run continued an interrupted one (its committed articles were taken as done).</summary>
    public bool Resumed { get; init; }

    /// <summary>Stopped early (Ctrl+C): what was done is written, the rest is left for the next run.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Inputs not in the store's last completed run.</summary>
    public int New { get; init; }

    /// <summary>Inputs whose content hash differs from the last completed run.</summary>
    public int Changed { get; init; }

    /// <summary>Inputs whose content hash is the one of the last completed run.</summary>
    public int Unchanged { get; init; }

    /// <summary>Inputs of the last completed run that are not inputs now.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    /// <summary>Articles cleaned and extracted in this run.</summary>
    public int Processed { get; init; }

    /// <summary>Articles carried over from the store (same content hash and pipeline).</summary>
    public int Reused { get; init; }

    /// <summary>Inputs left undone because the run was cancelled.</summary>
    public int Pending { get; init; }

    /// <summary>A lock left by a dead run that was taken over, or null.</summary>
    public StoreLockHolder? StaleLock { get; init; }

    /// <summary>docs/contract.md: 0 when every input was done, 1 when some failed; 130 when cancelled.</summary>
    public int ExitCode => Cancelled ? BatchRunner.CancelledExitCode : Failures.Count == 0 ? 0 : 1;
}
