using BenchmarkDotNet.Attributes;
using Extraction.Fetch;

namespace Extraction.Benchmarks;

/// <summary>ArticleCleaner over the sample pages (HTML, or text dumps and Markdown); one operation cleans every page of the kind.</summary>
[MemoryDiagnoser]
public class CleanBenchmarks
{
    private List<FetchedDocument> _pages = [];

    [Params(PageKind.Html, PageKind.Text)]
    public PageKind Kind { get; set; }

    public static long InputBytes(string? kind) =>
        BenchmarkData.Pages(Enum.Parse<PageKind>(kind!)).Sum(d => (long)d.Content.Length);

    [GlobalSetup]
    public void Setup() => _pages = BenchmarkData.Pages(Kind);

    /// <summary>The floor: decoding the bytes, which every cleaner must do.</summary>
    [Benchmark(Baseline = true)]
    public int Decode()
    {
        var chars = 0;
        foreach (var d in _pages)
        {
            chars += TextDecoder.Decode(d.Content, d.DeclaredCharset, d.Format, out _).Length;
        }

        return chars;
    }

    [Benchmark]
    public int Clean()
    {
        var chars = 0;
        foreach (var d in _pages)
        {
            chars += BenchmarkData.Rules.Cleaner.Clean(d).Article!.Text.Length;
        }

        return chars;
    }
}
