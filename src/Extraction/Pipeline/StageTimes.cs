using System.Diagnostics;

namespace Extraction.Pipeline;

/// <summary>
/// Time spent per stage, summed over all articles and workers (run.json timings_ms "process.*"): fetch, each
/// article stage by name in pipeline order, then store. Thread-safe.
/// </summary>
internal sealed class StageTimes(IReadOnlyList<string> stages)
{
    private readonly long[] _stages = new long[stages.Count];
    private long _fetch;
    private long _store;

    public void Fetch(long ticks) => Interlocked.Add(ref _fetch, ticks);

    /// <summary>Adds to the article stage at <paramref name="index"/> of the pipeline's list.</summary>
    public void Stage(int index, long ticks) => Interlocked.Add(ref _stages[index], ticks);

    public void Store(long ticks) => Interlocked.Add(ref _store, ticks);

    public IEnumerable<KeyValuePair<string, long>> Milliseconds()
    {
        yield return new("fetch", Ms(_fetch));
        for (var i = 0; i < _stages.Length; i++)
        {
            yield return new(stages[i], Ms(_stages[i]));
        }

        yield return new("store", Ms(_store));
    }

    private static long Ms(long ticks) => ticks * 1000 / Stopwatch.Frequency;
}
