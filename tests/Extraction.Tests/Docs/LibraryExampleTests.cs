using Extraction.Fetch;
using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Tests.Support;

namespace Extraction.Tests.Docs;

/// <summary>The example of docs/library.md, compiled and run; a test holds the page's code to this file.</summary>
public sealed class LibraryExampleTests
{
    /// <summary>The code shown in docs/library.md (between the region lines, indentation aside).</summary>
    private static async Task<(IReadOnlyList<Fact> Facts, IReadOnlyList<ClaimRecord> Records, RunSummary Summary)> Example(string folder, string outDir, TextWriter log)
    {
        #region library-example
        // Built once (options are checked here), then reused and shared between threads.
        using var pipeline = new ExtractionPipelineBuilder(new PipelineOptions { Parallelism = 2 }).Build();

        // One article held in memory: clean it, then extract its facts.
        var article = pipeline.Cleaner.CleanText(
            "werk.txt",
            "Neues Werk\n\nDer Chiphersteller Nordchip investiert 1,8 Milliarden Euro in ein Werk bei Magdeburg.\n",
            DocumentFormat.Text);
        var facts = pipeline.Extractor.Extract(article);
        foreach (var fact in facts)
        {
            log.WriteLine($"{fact.Kind} {fact.Actor}: {fact.Amount?.Min} {fact.Amount?.Currency} <- {fact.Sentence}");
        }

        // A batch of files, folders or URLs, in parallel; a bad input is a failure value, never an exception.
        var (inputs, refused) = InputResolver.Resolve([folder]);
        var results = await pipeline.ProcessAllAsync(inputs, CancellationToken.None);
        foreach (var failure in refused.Concat(results.Select(r => r.Failure).OfType<InputFailure>()))
        {
            log.WriteLine($"failed: {failure.Input}: {failure.Reason}");
        }

        // The facts of the batch deduplicated into records (one per claim, with every source).
        var records = pipeline.Records.Build(results.SelectMany(r => r.Facts));

        // Or all of `extract run`: the four output files, the run store, incremental re-runs.
        var runner = new BatchRunner(pipeline, TimeProvider.System);
        var summary = await runner.RunAsync(
            new RunRequest { Inputs = [folder], OutDir = outDir, StorePath = Path.Combine(outDir, "store.db") },
            CancellationToken.None);
        log.WriteLine($"{summary.Articles} articles, {summary.Facts} facts, {summary.Records} records");
        #endregion

        return (facts, records, summary);
    }

    [Fact]
    public async Task Example_Runs_FactsRecordsAndOutputFiles()
    {
        using var tmp = CliRunner.Temp();
        var folder = Path.Combine(tmp.Path, "articles");
        tmp.File("articles/a.txt", "Rechenzentrum\n\nDie Firma Rheinwolke steckt rund 450 Millionen Euro in ein Rechenzentrum bei Köln.\n");
        tmp.File("articles/b.txt", "Nachbericht\n\nRheinwolke will rund 450 Millionen Euro in das Rechenzentrum investieren, sagte die Chefin.\n");
        tmp.File("articles/leer.txt", "");
        using var log = new StringWriter();

        var (facts, records, summary) = await Example(folder, Path.Combine(tmp.Path, "out"), log);

        var fact = Assert.Single(facts);
        Assert.Equal("Nordchip", fact.Actor);
        Assert.Equal(1_800_000_000m, fact.Amount!.Min);
        Assert.Equal("EUR", fact.Amount.Currency);
        var record = Assert.Single(records);
        Assert.Equal("Rheinwolke", record.Actor);
        Assert.Equal(2, record.Mentions);
        Assert.Contains("failed: leer.txt: empty file", log.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, summary.Articles);
        Assert.Equal(1, summary.Records);
        Assert.True(File.Exists(Path.Combine(tmp.Path, "out", "records.jsonl")));
    }

    [Fact]
    public void Docs_ShowTheExampleAsCompiledHere()
    {
        var page = File.ReadAllText(Path.Combine(Repo.Root, "docs", "library.md"));
        var shown = page[(page.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length)..];
        shown = shown[..shown.IndexOf("```", StringComparison.Ordinal)];
        var source = File.ReadAllText(Path.Combine(Repo.Root, "tests", "Extraction.Tests", "Docs", "LibraryExampleTests.cs"));
        var region = source[(source.IndexOf("#region library-example", StringComparison.Ordinal) + "#region library-example".Length)..];
        region = region[..region.IndexOf("#endregion", StringComparison.Ordinal)];

        Assert.Equal(Lines(region), Lines(shown).SkipWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0));

        static List<string> Lines(string code) => code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    }
}
