using Extraction.Fetch;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Benchmarks;

/// <summary>Kinds of sample page a benchmark reads.</summary>
public enum PageKind
{
    Html,
    Text,
}

/// <summary>The realistic inputs: the repository's sample articles, fetched, and cleaned once.</summary>
public static class BenchmarkData
{
    private static readonly Lazy<string> SamplesDir = new(() =>
    {
        if (Environment.GetEnvironmentVariable("EXTRACT_SAMPLES") is { Length: > 0 } env)
        {
            return env;
        }

        // BenchmarkDotNet runs a generated project below this one's bin folder; the repository is above both.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extraction.sln")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        throw new InvalidOperationException("samples/ not found above " + AppContext.BaseDirectory + "; set EXTRACT_SAMPLES");
    });

    private static readonly Lazy<ExtractionPipeline> RulesPipeline = new(() => ExtractionPipeline.Create(new PipelineOptions { UseModel = false, Parallelism = 1 }));

    private static readonly Lazy<ExtractionPipeline> ModelPipeline = new(() => ExtractionPipeline.Create(new PipelineOptions { UseModel = true, Parallelism = 1 }));

    private static readonly Lazy<List<FetchedDocument>> Documents = new(() =>
        Directory.EnumerateFiles(SamplesDir.Value)
            .Where(p => Path.GetExtension(p) is ".html" or ".txt" or ".md" && !Path.GetFileName(p).StartsWith("README", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new FetchedDocument(
                new InputItem(Path.GetFileName(p), p, InputKind.File),
                File.ReadAllBytes(p),
                p.EndsWith(".html", StringComparison.Ordinal) ? DocumentFormat.Html : DocumentFormat.Text,
                null,
                null))
            .ToList());

    private static readonly Lazy<List<Article>> Cleaned = new(() =>
        Documents.Value.Select(d => Rules.Cleaner.Clean(d).Article ?? throw new InvalidOperationException("sample does not clean: " + d.Input.ArticleId)).ToList());

    /// <summary>The folder with the sample articles.</summary>
    public static string Samples => SamplesDir.Value;

    /// <summary>A pipeline deciding facts by rules alone.</summary>
    public static ExtractionPipeline Rules => RulesPipeline.Value;

    /// <summary>A pipeline with the shipped trained model.</summary>
    public static ExtractionPipeline WithModel => ModelPipeline.Value;

    /// <summary>The sample pages of one kind, as fetched from disk.</summary>
    public static List<FetchedDocument> Pages(PageKind kind) =>
        Documents.Value.Where(d => (d.Format == DocumentFormat.Html) == (kind == PageKind.Html)).ToList();

    /// <summary>Every sample, cleaned.</summary>
    public static List<Article> Articles => Cleaned.Value;

    /// <summary>UTF-8 bytes of the cleaned texts: the input size of the stages after cleaning.</summary>
    public static long CleanedBytes => Articles.Sum(a => (long)System.Text.Encoding.UTF8.GetByteCount(a.Text));
}
