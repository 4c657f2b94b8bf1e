using Extraction.Fetch;
using Extraction.Pipeline;
using Extraction.Store;

namespace Extraction.Tests.Pipeline;

/// <summary>The one article path: each way an article can fail comes back as a value with its kind; only cancellation throws.</summary>
public sealed class ArticlePathTests
{
    private static readonly PipelineOptions Options = new() { UseModel = false, Parallelism = 1 };

    private static readonly InputItem Item = new("a.txt", "/nowhere/a.txt", InputKind.File);

    private static ExtractionPipeline With(IDocumentFetcher fetcher) =>
        new ExtractionPipelineBuilder(Options).UseFetcher(InputKind.File, _ => fetcher).Build();

    private static byte[] Text(string s) => System.Text.Encoding.UTF8.GetBytes(s);

    [Fact]
    public async Task Process_GoodText_ProcessedWithFacts()
    {
        using var pipeline = With(new Fixed(Text("Ausbau im Norden\n\nDie Nordlicht GmbH investiert 75 Millionen Euro in ein Rechenzentrum bei Kiel.\n")));

        var outcome = await pipeline.ProcessAsync(Item, CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Null(outcome.FailureKind);
        Assert.Equal(ArticleStatus.Processed, outcome.Status);
        Assert.Single(outcome.Facts);
    }

    [Fact]
    public async Task Process_StopAfterClean_ArticleWithoutFacts()
    {
        using var pipeline = With(new Fixed(Text("Ausbau im Norden\n\nDie Nordlicht GmbH investiert 75 Millionen Euro in ein Rechenzentrum bei Kiel.\n")));

        var outcome = await pipeline.ProcessAsync(Item, CancellationToken.None, ArticleStep.Clean);

        Assert.NotNull(outcome.Article);
        Assert.Empty(outcome.Facts);
    }

    [Fact]
    public async Task Process_FetchFails_KindFetch()
    {
        using var pipeline = With(new Failing());

        var outcome = await pipeline.ProcessAsync(Item, CancellationToken.None);

        Assert.Equal(FailureKind.Fetch, outcome.FailureKind);
        Assert.Equal(ArticleStatus.Failed, outcome.Status);
        Assert.Equal("HTTP 404 Not Found", outcome.Failure!.Reason);
    }

    [Fact]
    public async Task Process_UndecodableBytes_KindClean()
    {
        // Mostly invalid UTF-8 with no other encoding that fits: the cleaner calls it garbled.
        var garbled = Enumerable.Range(0, 400).SelectMany(i => new byte[] { 0xC3, 0x28, (byte)'a', 0xE2, 0x28, 0xA1 }).ToArray();
        using var pipeline = With(new Fixed(garbled));

        var outcome = await pipeline.ProcessAsync(Item, CancellationToken.None);

        Assert.Equal(FailureKind.Clean, outcome.FailureKind);
        Assert.Equal("a.txt", outcome.Failure!.Input);
    }

    [Fact]
    public async Task Process_NothingLeftAfterCleaning_KindNoText()
    {
        using var pipeline = new ExtractionPipelineBuilder(Options)
            .UseFetcher(InputKind.File, _ => new Fixed(Text("<html><body><nav>Start</nav></body></html>"), DocumentFormat.Html))
            .Build();

        var outcome = await pipeline.ProcessAsync(Item, CancellationToken.None);

        Assert.Equal(FailureKind.NoText, outcome.FailureKind);
        Assert.Equal("no article text found after cleaning", outcome.Failure!.Reason);
    }

    [Fact]
    public async Task Process_StageThrows_KindInternalNamingTheException()
    {
        using var pipeline = With(new Throwing());

        var outcome = await pipeline.ProcessAsync(Item, CancellationToken.None);

        Assert.Equal(FailureKind.Internal, outcome.FailureKind);
        Assert.Equal("internal error: InvalidOperationException: kaputt", outcome.Failure!.Reason);
    }

    [Fact]
    public async Task Process_Cancelled_Throws()
    {
        using var pipeline = With(new Failing());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.ProcessAsync(Item, cancelled.Token));
    }

    [Fact]
    public async Task Process_UrlWithoutFetcherForItsKind_KindFetch()
    {
        using var pipeline = ExtractionPipeline.Create(Options);

        var outcome = await pipeline.ProcessAsync(new InputItem("x", "x", (InputKind)99), CancellationToken.None);

        Assert.Equal(FailureKind.Fetch, outcome.FailureKind);
    }

    private sealed class Fixed(byte[] content, DocumentFormat format = DocumentFormat.Text) : IDocumentFetcher
    {
        public Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken) =>
            Task.FromResult(FetchOutcome.Ok(new FetchedDocument(item, content, format, null, null)));
    }

    private sealed class Failing : IDocumentFetcher
    {
        public Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken) =>
            Task.FromResult(FetchOutcome.Fail(item.ArticleId, "HTTP 404 Not Found"));
    }

    private sealed class Throwing : IDocumentFetcher
    {
        public Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("kaputt");
    }
}
