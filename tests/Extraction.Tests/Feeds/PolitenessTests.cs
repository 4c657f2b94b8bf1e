using System.Threading.Channels;
using Extraction.Fetch;
using Extraction.Tests.Support;

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
        // On a fake clock: each request is read off where it leaves the client before the clock is moved over the
        // next pause, so the times between the starts are exact, not "about 300 ms on a loaded machine".
        var delay = TimeSpan.FromMilliseconds(300);
        for (var i = 0; i < 4; i++)
        {
            _server.Set($"/p/{i}", "text/html", FeedXml.Page("Titel", "Ein Satz."));
        }

        var clock = new TimerClock();
        using var sends = new SendTimes(clock, new SocketsHttpHandler { AllowAutoRedirect = false });
        using var fetcher = new HttpFetcher(Options with { HostDelay = delay, MaxConcurrencyPerHost = 4, RespectRobots = false }, clock, sends);

        var fetches = Enumerable.Range(0, 4).Select(i =>
            fetcher.FetchAsync(new InputItem($"p{i}", _server.Url($"/p/{i}"), InputKind.Url), CancellationToken.None)).ToList();
        var starts = new List<DateTimeOffset> { await sends.NextAsync() };
        var pauses = new List<TimeSpan>();
        for (var i = 1; i < 4; i++)
        {
            // The next request must wait for the pause: one that starts first fails the test at once (waiting
            // only for the timer would hang until the guard instead).
            var send = sends.NextAsync();
            var timer = clock.NextTimerAsync(due => due > TimeSpan.Zero && due <= delay);
            Assert.Same(timer, await Task.WhenAny(timer, send));
            var pause = await timer;
            pauses.Add(pause);
            clock.Advance(pause);
            starts.Add(await send);
        }

        var outcomes = await Task.WhenAll(fetches).WaitAsync(TimerClock.HangGuard);

        Assert.All(outcomes, o => Assert.NotNull(o.Document));
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(1, _server.Hits($"/p/{i}")));
        Assert.Equal([delay, delay, delay], pauses);
        Assert.Equal([delay, delay, delay], starts.Zip(starts.Skip(1), (a, b) => b - a));
    }

    /// <summary>Reports, on the given clock, when each request is handed to the transport.</summary>
    private sealed class SendTimes(TimeProvider clock, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Channel<DateTimeOffset> _times = Channel.CreateUnbounded<DateTimeOffset>();

        public Task<DateTimeOffset> NextAsync() => _times.Reader.ReadAsync().AsTask().WaitAsync(TimerClock.HangGuard);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _times.Writer.TryWrite(clock.GetUtcNow());
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public void HttpFetcher_NegativeHostDelay_IsRefusedNamingTheOption()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HttpFetcher(Options with { HostDelay = TimeSpan.FromSeconds(-1) }));
        Assert.Equal("HostDelay", ex.ParamName);
    }
}
