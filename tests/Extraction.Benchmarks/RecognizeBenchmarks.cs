using BenchmarkDotNet.Attributes;
using Extraction.Recognize;
using Extraction.Text;

namespace Extraction.Benchmarks;

/// <summary>
/// AmountRecognizer and HardwareRecognizer over the cleaned sample texts; one operation reads every
/// text. Target: 50 MB/s per core for both recognizers together (the MB/s column).
/// </summary>
[MemoryDiagnoser]
public class RecognizeBenchmarks
{
    private readonly AmountRecognizer _amounts = new();
    private readonly HardwareRecognizer _hardware = new();
    private string[] _texts = [];

    public static long InputBytes(string? unused) => BenchmarkData.CleanedBytes;

    [GlobalSetup]
    public void Setup() => _texts = BenchmarkData.Articles.Select(a => a.Text).ToArray();

    /// <summary>The floor: tokenizing, which both recognizers need.</summary>
    [Benchmark(Baseline = true)]
    public int Tokenize()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += Tokenizer.Tokenize(t).Count;
        }

        return n;
    }

    [Benchmark]
    public int Amounts()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += _amounts.Recognize(t).Count;
        }

        return n;
    }

    [Benchmark]
    public int Hardware()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += _hardware.Recognize(t).Count;
        }

        return n;
    }

    /// <summary>As the extractor does it: tokenize once, run both recognizers on the tokens.</summary>
    [Benchmark]
    public int Both()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            var tokens = Tokenizer.Tokenize(t);
            n += _amounts.Recognize(t, tokens).Count + _hardware.Recognize(t, tokens).Count;
        }

        return n;
    }
}
