using BenchmarkDotNet.Attributes;
using Extraction.Model;

namespace Extraction.Benchmarks;

/// <summary>RecordBuilder.Build over synthetic facts of a large run (see <see cref="SyntheticFacts"/>); one operation deduplicates all of them.</summary>
[MemoryDiagnoser]
public class DedupBenchmarks
{
    private List<Fact> _facts = [];

    [Params(100_000, 1_000_000)]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup() => _facts = SyntheticFacts.Make(Facts);

    /// <summary>The floor: one pass grouping by kind, actor and currency, as any dedup must.</summary>
    [Benchmark(Baseline = true)]
    public int GroupOnly() =>
        _facts.GroupBy(f => (f.Kind, f.Actor, f.Amount?.Currency, f.Unit, f.HardwareModel)).Count();

    [Benchmark]
    public int Build() => BenchmarkData.Rules.Records.Build(_facts).Count;
}
