using Extraction.Fetch;
using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Tests.Store;

namespace Extraction.Tests.Pipeline;

/// <summary>
/// A stage plugged into the article path from outside the core: its own class plus one registration line
/// on the builder, placed by name; it sees the stages before it, the ones after it see its work, and its
/// failure ends the path like a built-in one.
/// </summary>
public sealed class ArticleStageTests : IDisposable
{
    private const string Page = "Neues Rechenzentrum im Norden\n\nDie Nordlicht GmbH investiert den vereinbarten Betrag in ein Rechenzentrum bei Kiel.\n";

    private static readonly PipelineOptions Options = new() { UseModel = false, Parallelism = 1 };

    private static readonly InputItem Item = new("a.txt", "/nowhere/a.txt", InputKind.File);

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ExtractionPipelineBuilder Builder(string page = Page) =>
        new ExtractionPipelineBuilder(Options).UseFetcher(InputKind.File, _ => new Fixed(page));

    [Fact]
    public async Task InsertStageBefore_Extract_RunsAfterCleanAndExtractSeesItsText()
    {
        using var plain = Builder().Build();
        using var pipeline = Builder().InsertStageBefore(ArticleStages.Extract, "amounts", _ => new FillInAmount()).Build();

        var without = await plain.ProcessAsync(Item, CancellationToken.None);
        var with = await pipeline.ProcessAsync(Item, CancellationToken.None);

        Assert.Equal(["clean", "amounts", "extract"], pipeline.StageNames);
        Assert.Empty(without.Facts);
        var fact = Assert.Single(with.Facts);
        Assert.Equal(75_000_000m, fact.Amount!.Min);
        Assert.StartsWith("Nordlicht", fact.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsertStageBefore_Extract_CleanOnlyPathRunsItToo()
    {
        using var pipeline = Builder().InsertStageBefore(ArticleStages.Extract, "amounts", _ => new FillInAmount()).Build();

        var outcome = await pipeline.ProcessAsync(Item, CancellationToken.None, ArticleStep.Clean);

        Assert.Contains("75 Millionen Euro", outcome.Article!.Text, StringComparison.Ordinal);
        Assert.Empty(outcome.Facts);
    }

    [Fact]
    public async Task InsertStageAfter_Clean_FailureEndsThePathWithItsKind()
    {
        var after = new Counting();
        using var pipeline = Builder("Kurz\n\nZu kurz.\n")
            .InsertStageAfter(ArticleStages.Clean, "min-words", _ => new MinimumWords(5))
            .AddStage("count", _ => after)
            .Build();

        var outcome = await pipeline.ProcessAsync(Item, CancellationToken.None);

        Assert.Equal(FailureKind.NoText, outcome.FailureKind);
        Assert.Equal("fewer than 5 words", outcome.Failure!.Reason);
        Assert.Equal("a.txt", outcome.Failure.Input);
        Assert.StartsWith("utf-8", outcome.Encoding, StringComparison.Ordinal);
        Assert.Equal(0, after.Calls);
    }

    [Fact]
    public async Task AddStage_Last_SeesTheFactsOfExtract()
    {
        var counting = new Counting();
        using var pipeline = Builder()
            .InsertStageBefore(ArticleStages.Extract, "amounts", _ => new FillInAmount())
            .AddStage("count", _ => counting)
            .Build();

        await pipeline.ProcessAsync(Item, CancellationToken.None);

        Assert.Equal(["clean", "amounts", "extract", "count"], pipeline.StageNames);
        Assert.Equal(1, counting.Calls);
        Assert.Equal(1, counting.Facts);
    }

    [Fact]
    public async Task AddStage_Throws_KindInternalNamingTheException()
    {
        using var pipeline = Builder().AddStage("broken", _ => new Throwing()).Build();

        var outcome = await pipeline.ProcessAsync(Item, CancellationToken.None);

        Assert.Equal(FailureKind.Internal, outcome.FailureKind);
        Assert.Equal("internal error: InvalidOperationException: kaputt", outcome.Failure!.Reason);
    }

    [Fact]
    public async Task InsertStageBefore_BatchRun_TimedUnderItsNameBetweenCleanAndExtract()
    {
        File.WriteAllText(_dir["a.txt"], Page);
        using var pipeline = new ExtractionPipelineBuilder(Options)
            .InsertStageBefore(ArticleStages.Extract, "amounts", _ => new FillInAmount())
            .Build();

        var summary = await new BatchRunner(pipeline, TimeProvider.System).RunAsync([_dir["a.txt"]], null, _dir["out"], CancellationToken.None);

        Assert.Equal(1, summary.Facts);
        var process = summary.TimingsMs.Keys.Where(k => k.StartsWith("process.", StringComparison.Ordinal));
        Assert.Equal(["process.fetch", "process.clean", "process.amounts", "process.extract", "process.store"], process);
    }

    [Theory]
    [InlineData("extract", "extract")]
    [InlineData("fetch", "fetch")]
    [InlineData("Großschreibung", "Großschreibung")]
    [InlineData("with space", "with space")]
    [InlineData("", "")]
    public void InsertStageAfter_NameTakenOrMalformed_ThrowsNamingIt(string name, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => Builder().InsertStageAfter(ArticleStages.Clean, name, _ => new Counting()));

        Assert.Equal("name", error.ParamName);
        Assert.Contains($"'{named}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertStageBefore_UnknownStage_ThrowsListingTheStages()
    {
        var error = Assert.Throws<ArgumentException>(() => Builder().InsertStageBefore("dedup", "amounts", _ => new FillInAmount()));

        Assert.Equal("before", error.ParamName);
        Assert.Contains("no article stage named 'dedup' (there are: clean, extract)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoStageAdded_DefaultStagesOnly()
    {
        using var pipeline = Builder().Build();

        Assert.Equal(["clean", "extract"], pipeline.StageNames);
    }

    /// <summary>Writes out the figure a (made-up) house style leaves to a footnote: a text stage between clean and extract.</summary>
    private sealed class FillInAmount : IArticleStage
    {
        public ArticleWork Run(ArticleWork work) => work with
        {
            Article = work.Article! with { Text = work.Article.Text.Replace("den vereinbarten Betrag", "75 Millionen Euro", StringComparison.Ordinal) },
        };
    }

    /// <summary>Fails articles too short to be news.</summary>
    private sealed class MinimumWords(int words) : IArticleStage
    {
        public ArticleWork Run(ArticleWork work) =>
            work.Article!.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < words
                ? work.Fail(FailureKind.NoText, $"fewer than {words} words")
                : work;
    }

    private sealed class Counting : IArticleStage
    {
        private int _calls;
        private int _facts;

        public int Calls => _calls;

        public int Facts => _facts;

        public ArticleWork Run(ArticleWork work)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _facts, work.Facts.Count);
            return work;
        }
    }

    private sealed class Throwing : IArticleStage
    {
        public ArticleWork Run(ArticleWork work) => throw new InvalidOperationException("kaputt");
    }

    private sealed class Fixed(string page) : IDocumentFetcher
    {
        public Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken) =>
            Task.FromResult(FetchOutcome.Ok(new FetchedDocument(item, System.Text.Encoding.UTF8.GetBytes(page), DocumentFormat.Text, null, null)));
    }
}
