using BenchmarkDotNet.Attributes;
using Extraction.Model;

namespace Extraction.Benchmarks;

/// <summary>FactExtractor.Extract (sentences, recognizers, actors, cues, decision) on the cleaned samples; one operation extracts from every article.</summary>
[MemoryDiagnoser]
public class LinkBenchmarks
{
    private List<Article> _articles = [];

    public static long InputBytes(string? unused) => BenchmarkData.CleanedBytes;

    [GlobalSetup]
    public void Setup()
    {
        _articles = BenchmarkData.Articles;
        _ = BenchmarkData.WithModel;
    }

    [Benchmark(Baseline = true)]
    public int RulesOnly()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += BenchmarkData.Rules.Extractor.Extract(a).Count;
        }

        return n;
    }

    [Benchmark]
    public int WithModel()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += BenchmarkData.WithModel.Extractor.Extract(a).Count;
        }

        return n;
    }
}
