using Extraction.Fetch;

namespace Extraction.Tests.Feeds;

/// <summary>The fetcher's side of feed runs: conditional requests, feeds of any content type, and the per-host delay.</summary>
public sealed class PolitenessTests : IAsyncLifetime
{
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static HttpFetchOptions Options => new() { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task FetchAsync_ValidatorsOfTheCurrentPage_Give304AsNotModified()
    {
        _server.Set("/a/1", "text/html", FeedXml.Page("Titel", "Ein Satz."));
        using var fetcher = new HttpFetcher(Options);

        var first = await fetcher.FetchAsync(new InputItem("a", _server.Url("/a/1"), InputKind.Url), CancellationToken.None);
        var doc = Assert.IsType<FetchedDocument>(first.Document);
        Assert.NotNull(doc.ETag);
        Assert.NotNull(doc.LastModified);

        var byTag = await fetcher.FetchAsync(new InputItem("a", _server.Url("/a/1"), InputKind.Url) { Conditions = new FetchConditions(doc.ETag, null) }, CancellationToken.None);
        var byDate = await fetcher.FetchAsync(new InputItem("a", _server.Url("/a/1"), InputKind.Url) { Conditions = new FetchConditions(null, doc.LastModified) }, CancellationToken.None);

        Assert.True(byTag.NotModified);
        Assert.True(byDate.NotModified);
        Assert.Null(byTag.Failure);
        Assert.Equal(2, _server.NotModified("/a/1"));
    }

    [Fact]
    public async Task FetchAsync_StaleValidators_GiveTheNewPage()
    {
        _server.Set("/a/1", "text/html", FeedXml.Page("Titel", "Ein Satz."));
        using var fetcher = new HttpFetcher(Options);
        var old = (await fetcher.FetchAsync(new InputItem("a", _server.Url("/a/1"), InputKind.Url), CancellationToken.None)).Document!;
        _server.Set("/a/1", "text/html", FeedXml.Page("Titel", "Ein anderer Satz."));

        var again = await fetcher.FetchAsync(new InputItem("a", _server.Url("/a/1"), InputKind.Url) { Conditions = new FetchConditions(old.ETag, null) }, CancellationToken.None);

        Assert.False(again.NotModified);
        Assert.NotEqual(old.ETag, again.Document!.ETag);
    }

    [Fact]
    public async Task FetchAsync_XmlIsRefusedAsAnArticle_ButReadAsAFeed()
    {
        _server.Set("/rss.xml", "application/rss+xml", FeedXml.Rss2(new TestItem("https://blatt.example/a")));
        using var fetcher = new HttpFetcher(Options);

        var asArticle = await fetcher.FetchAsync(new InputItem("f", _server.Url("/rss.xml"), InputKind.Url), CancellationToken.None);
        var asFeed = await fetcher.FetchAsync(new InputItem("f", _server.Url("/rss.xml"), InputKind.Url) { IsFeed = true }, CancellationToken.None);

        Assert.Contains("application/rss+xml is not HTML or text", asArticle.Failure!.Reason, StringComparison.Ordinal);
        Assert.Equal("application/rss+xml", asFeed.Document!.MediaType);
    }

    [Fact]
    public async Task FetchAsync_HostDelay_SpacesTheStartsOfRequestsToOneHost()
    {
        var delay = TimeSpan.FromMilliseconds(300);
        for (var i = 0; i < 4; i++)
        {
            _server.Set($"/p/{i}", "text/html", FeedXml.Page("Titel", "Ein Satz."));
        }

        using var fetcher = new HttpFetcher(Options with { HostDelay = delay, MaxConcurrencyPerHost = 4, RespectRobots = false });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            fetcher.FetchAsync(new InputItem($"p{i}", _server.Url($"/p/{i}"), InputKind.Url), CancellationToken.None)));

        var starts = _server.Log.Where(l => l.Target.StartsWith("/p/", StringComparison.Ordinal)).Select(l => l.At).Order().ToList();
        Assert.Equal(4, starts.Count);
        // The client spaces its sends by 300 ms; arrival may shift by a few ms either way, so 250 ms is the floor checked.
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(250), $"{(pair.Second - pair.First).TotalMilliseconds} ms apart"));
    }

    [Fact]
    public void HttpFetcher_NegativeHostDelay_IsRefusedNamingTheOption()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HttpFetcher(Options with { HostDelay = TimeSpan.FromSeconds(-1) }));
        Assert.Equal("HostDelay", ex.ParamName);
    }
}
