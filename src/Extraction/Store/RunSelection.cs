namespace Extraction.Store;

/// <summary>Picks runs of a store by id or as the last completed one, for the commands that read runs back (diff, export).</summary>
public static class RunSelection
{
    /// <summary>The run with this id; throws <see cref="ArgumentException"/> naming the store and its runs otherwise.</summary>
    public static StoredRun ById(IReadOnlyList<StoredRun> runs, long id, string storePath) =>
        runs.FirstOrDefault(r => r.Id == id)
        ?? throw new ArgumentException($"{storePath} has no run {id} (runs: {string.Join(", ", runs.Select(r => r.Id))})");

    /// <summary>The last completed run (before run <paramref name="before"/> when given), or null.</summary>
    public static StoredRun? LastDone(IReadOnlyList<StoredRun> runs, long? before = null) =>
        runs.LastOrDefault(r => r.Status == RunStatus.Done && (before is not { } b || r.Id < b));

    /// <summary>Throws when the run never finished: it has no complete records to <paramref name="purpose"/>.</summary>
    public static void EnsureFinished(StoredRun run, string storePath, string purpose)
    {
        if (run.Status is RunStatus.Running or RunStatus.Abandoned)
        {
            throw new ArgumentException($"run {run.Id} in {storePath} did not finish ({RunStore.Name(run.Status)}); it has no records to {purpose}");
        }
    }
}
