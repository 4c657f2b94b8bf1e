using System.Diagnostics;

namespace Extraction.Pipeline;

/// <summary>Time spent per stage, summed over all articles and workers (run.json timings_ms "process.*"). Thread-safe.</summary>
internal sealed class StageTimes
{
    private long _fetch;
    private long _clean;
    private long _extract;
    private long _store;

    public void Fetch(long ticks) => Interlocked.Add(ref _fetch, ticks);

    public void Clean(long ticks) => Interlocked.Add(ref _clean, ticks);

    public void Extract(long ticks) => Interlocked.Add(ref _extract, ticks);

    public void Store(long ticks) => Interlocked.Add(ref _store, ticks);

    public IEnumerable<KeyValuePair<string, long>> Milliseconds() =>
    [
        new("fetch", _fetch * 1000 / Stopwatch.Frequency),
        new("clean", _clean * 1000 / Stopwatch.Frequency),
        new("extract", _extract * 1000 / Stopwatch.Frequency),
        new("store", _store * 1000 / Stopwatch.Frequency),
    ];
}
