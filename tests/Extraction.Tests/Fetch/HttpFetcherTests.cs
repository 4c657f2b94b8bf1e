using System.Net;
using System.Net.Sockets;
using System.Text;
using Extraction.Fetch;
using Extraction.Tests.Support;

namespace Extraction.Tests.Fetch;

public sealed class HttpFetcherTests(TestHttpServer server) : IClassFixture<TestHttpServer>
{
    // Small timeouts keep the class fast; margins stay wide so a busy machine does not flip a result.
    private static readonly HttpFetchOptions Fast = new()
    {
        AttemptTimeout = TimeSpan.FromMilliseconds(500),
        TotalTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
        MaxResponseBytes = 1024 * 1024,
        CircuitBreakerFailures = 50,
    };

    // For tests that count attempts at pages answering at once: an attempt timing out on a loaded
    // machine (500 ms is short while the whole suite runs on two cores) would add an attempt.
    private static readonly HttpFetchOptions Counting = Fast with { AttemptTimeout = TimeSpan.FromSeconds(5) };

    private static string NewId() => Guid.NewGuid().ToString("N");

    private InputItem Item(string path) => new("article" + path, server.Url(path), InputKind.Url);

    private static async Task<FetchOutcome> FetchAsync(HttpFetchOptions options, InputItem item)
    {
        using var fetcher = new HttpFetcher(options);
        return await fetcher.FetchAsync(item, CancellationToken.None);
    }

    // A timer the fetcher sets that is neither of its two timeouts: a retry wait (backoff or Retry-After).
    private static Func<TimeSpan, bool> RetryWait(HttpFetchOptions options) =>
        due => due != options.AttemptTimeout && due != options.TotalTimeout && due != Timeout.InfiniteTimeSpan;

    private static FetchedDocument AssertOk(FetchOutcome outcome)
    {
        Assert.True(outcome.Failure is null, $"expected a document, got: {outcome.Failure?.Reason}");
        return outcome.Document!;
    }

    private static string AssertFailed(FetchOutcome outcome, InputItem item)
    {
        Assert.Null(outcome.Document);
        Assert.NotNull(outcome.Failure);
        Assert.Equal(item.Location, outcome.Failure.Input);
        return outcome.Failure.Reason;
    }

    [Fact]
    public async Task FetchAsync_HtmlPage_ReturnsBytesFormatCharsetAndUrl()
    {
        var item = Item("/page");

        var document = AssertOk(await FetchAsync(Fast, item));

        Assert.Equal(TestHttpServer.PageHtml, Encoding.UTF8.GetString(document.Content));
        Assert.Equal(DocumentFormat.Html, document.Format);
        Assert.Equal("utf-8", document.DeclaredCharset);
        Assert.Equal(item.Location, document.Url);
        Assert.Same(item, document.Input);
    }

    [Fact]
    public async Task FetchAsync_AnyRequest_SendsConfiguredUserAgentToPageAndRobots()
    {
        var options = Fast with { UserAgent = "ExtractionBot/9.9 (+test)" };

        AssertOk(await FetchAsync(options, Item("/page")));

        Assert.Equal("ExtractionBot/9.9 (+test)", server.UserAgents["page"]);
        Assert.Equal("ExtractionBot/9.9 (+test)", server.UserAgents["robots"]);
    }

    [Fact]
    public async Task FetchAsync_PageOrFeed_AcceptHeaderAsksForWhatIsWanted()
    {
        using var fetcher = new HttpFetcher(Fast);

        AssertOk(await fetcher.FetchAsync(Item("/page"), CancellationToken.None));
        AssertOk(await fetcher.FetchAsync(Item("/page?feed") with { IsFeed = true }, CancellationToken.None));

        Assert.StartsWith("text/html,application/xhtml+xml,text/plain", server.Accepts["page"], StringComparison.Ordinal);
        Assert.StartsWith("application/rss+xml,application/atom+xml", server.Accepts["feed"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/text", DocumentFormat.Text, "utf-8")]
    [InlineData("/markdown", DocumentFormat.Text, null)]
    [InlineData("/xhtml", DocumentFormat.Html, null)]
    [InlineData("/untyped/page.html", DocumentFormat.Html, null)]
    [InlineData("/untyped/markup", DocumentFormat.Html, null)]
    [InlineData("/untyped/plain", DocumentFormat.Text, null)]
    public async Task FetchAsync_ContentType_DecidesFormat(string path, DocumentFormat format, string? charset)
    {
        var document = AssertOk(await FetchAsync(Fast, Item(path)));

        Assert.Equal(format, document.Format);
        Assert.Equal(charset, document.DeclaredCharset);
    }

    [Theory]
    [InlineData("/typed/html", DocumentFormat.Html)]
    [InlineData("/typed/xhtml", DocumentFormat.Html)]
    [InlineData("/typed/plain", DocumentFormat.Text)]
    [InlineData("/typed/markdown", DocumentFormat.Text)]
    public async Task FetchAsync_DeclaredType_DecidesOverTheFirstBytes(string path, DocumentFormat format)
    {
        var document = AssertOk(await FetchAsync(Fast, Item(path)));

        Assert.Equal(format, document.Format);
    }

    [Fact]
    public async Task FetchAsync_Latin1Page_ReportsCharsetAndKeepsBytes()
    {
        var document = AssertOk(await FetchAsync(Fast, Item("/latin1")));

        Assert.Equal("iso-8859-1", document.DeclaredCharset);
        Assert.Equal(Encoding.Latin1.GetBytes("<p>Grüße</p>"), document.Content);
    }

    [Fact]
    public async Task FetchAsync_ServerErrorThenOk_RetriesAndSucceeds()
    {
        var id = NewId();

        AssertOk(await FetchAsync(Counting, Item($"/flaky/{id}")));

        Assert.Equal(2, server.Hits($"flaky/{id}"));
    }

    [Fact]
    public async Task FetchAsync_ServerErrorEveryTime_FailsAfterAllAttempts()
    {
        var id = NewId();
        var item = Item($"/status/503/{id}");

        var reason = AssertFailed(await FetchAsync(Counting, item), item);

        Assert.Equal("HTTP 503 Service Unavailable (3 attempts)", reason);
        Assert.Equal(3, server.Hits($"status/503/{id}"));
    }

    [Fact]
    public async Task FetchAsync_TooManyRequestsWithRetryAfter_WaitsThenSucceeds()
    {
        var id = NewId();
        var clock = new TimerClock();
        using var fetcher = new HttpFetcher(Counting, clock);

        var fetch = fetcher.FetchAsync(Item($"/limited/{id}"), CancellationToken.None);

        // Retry-After: 1 replaces the 10 ms backoff; until the clock has moved that second, nothing is asked again.
        var wait = await clock.NextTimerAsync(RetryWait(Counting));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal(1, server.Hits($"limited/{id}"));
        clock.Advance(wait);
        AssertOk(await fetch.WaitAsync(TimerClock.HangGuard));
        Assert.Equal(2, server.Hits($"limited/{id}"));
    }

    [Fact]
    public async Task FetchAsync_RetryAfterBeyondLimit_FailsWithoutRetrying()
    {
        var id = NewId();
        var item = Item($"/limited-long/{id}");

        var reason = AssertFailed(await FetchAsync(Fast, item), item);

        Assert.Equal("HTTP 429 Too Many Requests; Retry-After 120 s exceeds the 5 s limit", reason);
        Assert.Equal(1, server.Hits($"limited-long/{id}"));
    }

    [Fact]
    public async Task FetchAsync_NotFound_FailsAtOnceWithStatus()
    {
        var id = NewId();
        var item = Item($"/status/404/{id}");

        var reason = AssertFailed(await FetchAsync(Fast, item), item);

        Assert.Equal("HTTP 404 Not Found", reason);
        Assert.Equal(1, server.Hits($"status/404/{id}"));
    }

    /// <summary>Fetches a fresh page of <paramref name="route"/>, moves the fake clock over one attempt
    /// timeout once the server has the request, and returns the failure's reason.</summary>
    private async Task<string> FailAfterOneAttemptTimeoutAsync(string route, HttpFetchOptions options)
    {
        var id = NewId();
        var item = Item($"/{route}/{id}");
        var clock = new TimerClock();
        using var fetcher = new HttpFetcher(options, clock);

        var fetch = fetcher.FetchAsync(item, CancellationToken.None);
        await server.WaitForHitsAsync($"{route}/{id}", 1);
        clock.Advance(options.AttemptTimeout);
        return AssertFailed(await fetch.WaitAsync(TimerClock.HangGuard), item);
    }

    [Fact]
    public async Task FetchAsync_ServerHangs_TimesOutEachAttempt()
    {
        var id = NewId();
        var item = Item($"/hang/{id}");
        var options = Fast with { MaxRetries = 1 };
        var clock = new TimerClock();
        using var fetcher = new HttpFetcher(options, clock);

        var fetch = fetcher.FetchAsync(item, CancellationToken.None);
        await server.WaitForHitsAsync($"hang/{id}", 1);
        clock.Advance(options.AttemptTimeout);
        clock.Advance(await clock.NextTimerAsync(RetryWait(options)));
        await server.WaitForHitsAsync($"hang/{id}", 2);
        clock.Advance(options.AttemptTimeout);
        var reason = AssertFailed(await fetch.WaitAsync(TimerClock.HangGuard), item);

        Assert.Equal("timed out after 500 ms (2 attempts)", reason);
        Assert.Equal(2, server.Hits($"hang/{id}"));
    }

    [Fact]
    public async Task FetchAsync_BodyTricklesPastTimeout_TimesOut()
    {
        // The server trickles for 10 s (real time, on its side); the attempt timeout must cut the body off, or the
        // fetch ends with the whole page instead of this failure.
        var reason = await FailAfterOneAttemptTimeoutAsync("trickle", Fast with { MaxRetries = 0 });

        Assert.Equal("timed out after 500 ms (1 attempt)", reason);
    }

    [Fact]
    public async Task FetchAsync_TotalTimeoutBeforeRetriesEnd_ReportsTotalTimeout()
    {
        var id = NewId();
        var item = Item($"/hang/{id}");
        var options = Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(400), TotalTimeout = TimeSpan.FromSeconds(1), MaxRetries = 10 };
        var clock = new TimerClock();
        using var fetcher = new HttpFetcher(options, clock);

        // Ten retries of 400 ms would take over 4 s; one second on the clock ends the URL, retries left or not.
        var fetch = fetcher.FetchAsync(item, CancellationToken.None);
        await server.WaitForHitsAsync($"hang/{id}", 1);
        clock.Advance(options.TotalTimeout);
        var reason = AssertFailed(await fetch.WaitAsync(TimerClock.HangGuard), item);

        Assert.StartsWith("timed out after 1 s in total (", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/big")]
    [InlineData("/big-chunked")]
    public async Task FetchAsync_BodyOverLimit_Fails(string path)
    {
        var item = Item(path);
        var options = Fast with { MaxResponseBytes = 1024 };

        var reason = AssertFailed(await FetchAsync(options, item), item);

        Assert.Equal("response larger than 1024 bytes", reason);
    }

    [Theory]
    [InlineData("/big")]
    [InlineData("/big-chunked")]
    public async Task FetchAsync_BodyOfExactlyTheLimit_ReadWhole(string path)
    {
        var options = Fast with { MaxResponseBytes = TestHttpServer.BigBodyBytes };

        var document = AssertOk(await FetchAsync(options, Item(path)));

        Assert.Equal(TestHttpServer.BigBodyBytes, document.Content.Length);
    }

    [Fact]
    public async Task FetchAsync_BodyExactlyAtLimit_Succeeds()
    {
        var options = Fast with { MaxResponseBytes = TestHttpServer.BigBodyBytes };

        var document = AssertOk(await FetchAsync(options, Item("/big-chunked")));

        Assert.Equal(TestHttpServer.BigBodyBytes, document.Content.Length);
    }

    [Fact]
    public async Task FetchAsync_PdfBody_FailsOnContentType()
    {
        var item = Item("/pdf");

        var reason = AssertFailed(await FetchAsync(Fast, item), item);

        Assert.Equal("content type application/pdf is not HTML or text", reason);
    }

    [Fact]
    public async Task FetchAsync_RedirectChain_ReturnsFinalUrlAndInputId()
    {
        var item = Item("/chain/3");

        var document = AssertOk(await FetchAsync(Fast, item));

        Assert.Equal(server.Url("/chain/0"), document.Url);
        Assert.Equal("article/chain/3", document.Input.ArticleId);
    }

    [Fact]
    public async Task FetchAsync_RedirectLoop_FailsWithTooManyRedirects()
    {
        var item = Item("/loop/0");

        var reason = AssertFailed(await FetchAsync(Fast, item), item);

        Assert.Equal("too many redirects (6 > 5)", reason);
    }

    [Fact]
    public async Task FetchAsync_RedirectToFtp_FailsOnScheme()
    {
        var item = Item("/to-ftp");

        var reason = AssertFailed(await FetchAsync(Fast, item), item);

        Assert.Equal("redirect to unsupported scheme ftp", reason);
    }

    [Fact]
    public async Task FetchAsync_RedirectWithoutLocation_Fails()
    {
        var item = Item("/redirect-without-location");

        var reason = AssertFailed(await FetchAsync(Fast, item), item);

        Assert.Equal("HTTP 302 Found without a Location header", reason);
    }

    [Fact]
    public async Task FetchAsync_PathDisallowedByRobots_BlockedWithoutRequest()
    {
        // On a clock that never moves: robots.txt fetched on the real clock could run into its timeout on a loaded
        // machine, and an unreadable robots.txt allows all (the page would then be fetched: the flake seen once).
        var id = NewId();
        var item = Item($"/private/{id}");
        using var fetcher = new HttpFetcher(Fast, new TimerClock());

        var reason = AssertFailed(await fetcher.FetchAsync(item, CancellationToken.None).WaitAsync(TimerClock.HangGuard), item);

        Assert.Equal("blocked by robots.txt", reason);
        Assert.Equal(0, server.Hits($"private/{id}"));
    }

    [Fact]
    public async Task FetchAsync_RedirectIntoDisallowedPath_Blocked()
    {
        var item = Item("/to-private");
        var before = server.Hits("private/secret");
        using var fetcher = new HttpFetcher(Fast, new TimerClock());

        var reason = AssertFailed(await fetcher.FetchAsync(item, CancellationToken.None).WaitAsync(TimerClock.HangGuard), item);

        Assert.Equal($"blocked by robots.txt (redirect to {server.Url("/private/secret")})", reason);
        Assert.Equal(before, server.Hits("private/secret"));
    }

    [Fact]
    public async Task FetchAsync_PathAllowedByLongerRule_Fetched()
    {
        AssertOk(await FetchAsync(Fast, Item("/private/open")));
    }

    [Fact]
    public async Task FetchAsync_RobotsNotRespected_DisallowedPathFetched()
    {
        AssertOk(await FetchAsync(Fast with { RespectRobots = false }, Item("/private/secret")));
    }

    [Fact]
    public async Task FetchAsync_SeveralPagesOneHost_FetchesRobotsOnce()
    {
        using var fetcher = new HttpFetcher(Fast);
        var before = server.Hits("robots");

        var outcomes = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => fetcher.FetchAsync(Item($"/page/{i}"), CancellationToken.None)));

        Assert.All(outcomes, o => AssertOk(o));
        Assert.Equal(before + 1, server.Hits("robots"));
    }

    [Fact]
    public async Task FetchAsync_BatchWithFailingUrls_GoodOnesAllSucceed()
    {
        var options = Fast with { MaxRetries = 1, MaxConcurrency = 4 };
        var clock = new TimerClock();
        using var fetcher = new HttpFetcher(options, clock);
        var good = Enumerable.Range(0, 6).Select(i => Item($"/page/batch-{i}")).ToList();
        var hangId = NewId();
        var bad = new[]
        {
            Item($"/status/404/{NewId()}"),
            Item("/pdf"),
            Item("/to-ftp"),
            Item("/loop/0"),
            Item($"/hang/{hangId}"),
            Item("/private/secret"),
            new InputItem("refused", $"http://127.0.0.1:{ClosedPort()}/page", InputKind.Url),
            new InputItem("garbage", "not a url", InputKind.Url),
        };

        var fetches = good.Concat(bad).Select(item => fetcher.FetchAsync(item, CancellationToken.None)).ToList();

        // The good pages answer while the clock stands still. Then the clock is moved over each wait of the failing
        // URLs (the hanging page's two attempt timeouts, each retry wait as it is set) until all have ended,
        // instead of waiting those out in real time. The total timeout is not reached: each ends for its own reason.
        await Task.WhenAll(fetches.Take(good.Count)).WaitAsync(TimerClock.HangGuard);
        var failing = Task.WhenAll(fetches.Skip(good.Count));
        var retryWaits = Task.Run(async () =>
        {
            while (!failing.IsCompleted)
            {
                var timer = clock.Timers.Reader.ReadAsync().AsTask();
                if (await Task.WhenAny(failing, timer) == timer && await timer is var due && RetryWait(options)(due))
                {
                    clock.Advance(due);
                }
            }
        });
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await server.WaitForHitsAsync($"hang/{hangId}", attempt);
            clock.Advance(options.AttemptTimeout);
        }

        await retryWaits.WaitAsync(TimerClock.HangGuard);
        var outcomes = await Task.WhenAll(fetches);
        Assert.All(outcomes.Take(good.Count), o => AssertOk(o));
        Assert.All(outcomes.Skip(good.Count), o => Assert.DoesNotContain("in total", o.Failure!.Reason, StringComparison.Ordinal));
        Assert.Equal(good.Concat(bad).Select(i => i.Location), outcomes.Select(o => o.Document?.Input.Location ?? o.Failure!.Input));
    }

    [Fact]
    public async Task FetchAsync_RepeatedServerErrors_OpensCircuitForHost()
    {
        var id = NewId();
        var options = Counting with { MaxRetries = 0, CircuitBreakerFailures = 3, CircuitBreakDuration = TimeSpan.FromSeconds(30) };
        // The clock never moves here: a fetcher that waited on it (an attempt timeout, a pause) would not come back.
        using var fetcher = new HttpFetcher(options, new TimerClock());
        var item = Item($"/always500/{id}");

        for (var i = 0; i < 3; i++)
        {
            var failure = AssertFailed(await fetcher.FetchAsync(item, CancellationToken.None), item);
            Assert.Equal("HTTP 500 Internal Server Error", failure);
        }

        var reason = AssertFailed(await fetcher.FetchAsync(item, CancellationToken.None).WaitAsync(TimerClock.HangGuard), item);
        var other = Item("/page");
        var otherReason = AssertFailed(await fetcher.FetchAsync(other, CancellationToken.None).WaitAsync(TimerClock.HangGuard), other);

        Assert.Equal($"circuit open for host {server.HostKey}", reason);
        Assert.Equal(reason, otherReason);
        Assert.Equal(3, server.Hits($"always500/{id}"));
    }

    // The breaker counts failures within a window of 2 x failures x attempt timeout, at least 30 s (at most a day).
    [Theory]
    [InlineData(2, new[] { 25 }, true)] // window 30 s (20 s is below the floor): both failures inside
    [InlineData(2, new[] { 40 }, false)] // window 30 s: the first failure has left it
    [InlineData(4, new[] { 12, 12, 11 }, true)] // window 2 x 4 x 5 s = 40 s: four failures over 35 s
    public async Task FetchAsync_FailuresSpreadOverTime_OpenTheCircuitOnlyWithinItsWindow(int failures, int[] gapsSeconds, bool opens)
    {
        var id = NewId();
        var options = Counting with { MaxRetries = 0, CircuitBreakerFailures = failures, CircuitBreakDuration = TimeSpan.FromMinutes(5) };
        var clock = new TimerClock();
        using var fetcher = new HttpFetcher(options, clock);
        var failing = Item($"/always500/{id}");

        await fetcher.FetchAsync(failing, CancellationToken.None);
        foreach (var gap in gapsSeconds)
        {
            clock.Advance(TimeSpan.FromSeconds(gap));
            await fetcher.FetchAsync(failing, CancellationToken.None);
        }

        var page = Item("/page");
        var outcome = await fetcher.FetchAsync(page, CancellationToken.None);

        Assert.Equal(failures, server.Hits($"always500/{id}"));
        Assert.Equal(opens ? $"circuit open for host {server.HostKey}" : null, outcome.Failure?.Reason);
    }

    [Fact]
    public async Task FetchAsync_AttemptTimeoutOfADay_BreakerWindowCappedAtADay()
    {
        // 2 x 2 x 1 day would be a four-day window, which Polly refuses; the window is capped at one day.
        var options = Fast with { AttemptTimeout = TimeSpan.FromDays(1), TotalTimeout = TimeSpan.FromDays(1), CircuitBreakerFailures = 2 };

        AssertOk(await FetchAsync(options, Item("/page")));
    }

    [Fact]
    public async Task FetchAsync_CircuitOpenThenBreakOver_HostUsableAgain()
    {
        var id = NewId();
        var options = Fast with { MaxRetries = 0, CircuitBreakerFailures = 2, CircuitBreakDuration = TimeSpan.FromMilliseconds(500) };
        var clock = new TimerClock();
        using var fetcher = new HttpFetcher(options, clock);
        var failing = Item($"/always500/{id}");
        await fetcher.FetchAsync(failing, CancellationToken.None);
        await fetcher.FetchAsync(failing, CancellationToken.None);
        var page = Item("/page");
        Assert.StartsWith("circuit open", AssertFailed(await fetcher.FetchAsync(page, CancellationToken.None), page), StringComparison.Ordinal);

        clock.Advance(options.CircuitBreakDuration / 2);
        Assert.StartsWith("circuit open", AssertFailed(await fetcher.FetchAsync(page, CancellationToken.None), page), StringComparison.Ordinal);

        clock.Advance(options.CircuitBreakDuration / 2 + TimeSpan.FromMilliseconds(1));
        AssertOk(await fetcher.FetchAsync(page, CancellationToken.None));
    }

    [Fact]
    public async Task FetchAsync_ManyUrlsOneHost_ReachesThePerHostLimitAndNeverPassesIt()
    {
        // The server holds every request until the test lets one go: two must be open at once (the limit is
        // reached), and each one let go makes room for exactly one more. A fake clock that never moves keeps
        // the held requests from running into the attempt timeout.
        var id = NewId();
        var key = $"gate/{id}";
        using var fetcher = new HttpFetcher(Fast with { MaxConcurrencyPerHost = 2, MaxConcurrency = 8 }, new TimerClock());

        var fetches = Enumerable.Range(0, 6).Select(_ => fetcher.FetchAsync(Item($"/gate/{id}"), CancellationToken.None)).ToList();
        await server.WaitForHitsAsync(key, 2);
        Assert.Equal(2, server.InFlight(id));
        for (var next = 3; next <= 6; next++)
        {
            server.Open(id, 1);
            await server.WaitForHitsAsync(key, next);
        }

        // Checked before the last two are let go: a fetcher that passed the limit would leave requests held for ever.
        Assert.Equal(2, server.MaxInFlight(id));
        server.Open(id, 2);
        var outcomes = await Task.WhenAll(fetches).WaitAsync(TimerClock.HangGuard);

        Assert.All(outcomes, o => AssertOk(o));
        Assert.Equal(6, server.Hits(key));
        Assert.Equal(2, server.MaxInFlight(id));
    }

    [Fact]
    public async Task FetchAsync_ConnectionRefused_FailsWithReason()
    {
        var item = new InputItem("refused", $"http://127.0.0.1:{ClosedPort()}/page", InputKind.Url);

        var reason = AssertFailed(await FetchAsync(Fast with { RespectRobots = false }, item), item);

        Assert.StartsWith("request failed: ", reason, StringComparison.Ordinal);
        Assert.EndsWith("(3 attempts)", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("")]
    [InlineData("/relative/path")]
    [InlineData("ftp://127.0.0.1/file.html")]
    [InlineData("file:///etc/passwd")]
    public async Task FetchAsync_NotAnHttpUrl_Fails(string location)
    {
        var item = new InputItem("bad", location, InputKind.Url);

        var reason = AssertFailed(await FetchAsync(Fast, item), item);

        Assert.StartsWith("not an absolute http(s) URL", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_FileInput_Fails()
    {
        var item = new InputItem("a.html", "a.html", InputKind.File);

        var reason = AssertFailed(await FetchAsync(Fast, item), item);

        Assert.Equal("not a URL input (kind File)", reason);
    }

    [Fact]
    public async Task FetchAsync_CallerCancels_ThrowsOperationCanceled()
    {
        // The fetcher's clock never moves, so only the caller's cancellation can end the hanging request.
        var id = NewId();
        using var fetcher = new HttpFetcher(Fast, new TimerClock());
        using var cancellation = new CancellationTokenSource();

        var fetch = fetcher.FetchAsync(Item($"/hang/{id}"), cancellation.Token);
        await server.WaitForHitsAsync($"hang/{id}", 1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch.WaitAsync(TimerClock.HangGuard));
    }

    [Fact]
    public async Task FetchAsync_NullItem_ThrowsNamingIt()
    {
        using var fetcher = new HttpFetcher(Fast);

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => fetcher.FetchAsync(null!, CancellationToken.None));
        Assert.Equal("item", error.ParamName);
    }

    [Fact]
    public async Task FetchAsync_AfterDisposeOrCancelled_ThrowsWhateverTheInput()
    {
        // Checked before the input is looked at: a file input (refused otherwise) throws just the same.
        var file = new InputItem("a", "/tmp/a.html", InputKind.File);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var live = new HttpFetcher(Fast);
        var disposed = new HttpFetcher(Fast);
        disposed.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => disposed.FetchAsync(file, CancellationToken.None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => live.FetchAsync(file, cancelled.Token));
    }

    [Fact]
    public async Task FetchAsync_AfterDispose_Throws()
    {
        var fetcher = new HttpFetcher(Fast);
        fetcher.Dispose();
        fetcher.Dispose(); // a second Dispose does nothing

        await Assert.ThrowsAsync<ObjectDisposedException>(() => fetcher.FetchAsync(Item("/page"), CancellationToken.None));
    }

    private static readonly Dictionary<string, HttpFetchOptions> InvalidCases = new()
    {
        ["AttemptTimeout zero"] = Fast with { AttemptTimeout = TimeSpan.Zero },
        ["TotalTimeout below AttemptTimeout"] = Fast with { TotalTimeout = TimeSpan.FromMilliseconds(100) },
        ["MaxRetries negative"] = Fast with { MaxRetries = -1 },
        ["RetryBaseDelay negative"] = Fast with { RetryBaseDelay = TimeSpan.FromSeconds(-1) },
        ["MaxRetryAfter negative"] = Fast with { MaxRetryAfter = TimeSpan.FromSeconds(-1) },
        ["MaxRedirects negative"] = Fast with { MaxRedirects = -1 },
        ["MaxResponseBytes zero"] = Fast with { MaxResponseBytes = 0 },
        ["MaxConcurrency zero"] = Fast with { MaxConcurrency = 0 },
        ["MaxConcurrencyPerHost zero"] = Fast with { MaxConcurrencyPerHost = 0 },
        ["CircuitBreakerFailures one"] = Fast with { CircuitBreakerFailures = 1 },
        ["CircuitBreakDuration too short"] = Fast with { CircuitBreakDuration = TimeSpan.FromMilliseconds(100) },
        ["UserAgent blank"] = Fast with { UserAgent = " " },
        ["UserAgent with a line break"] = Fast with { UserAgent = "Bot\r\nX-Injected: 1" },
        ["RobotsProductToken with a space"] = Fast with { RobotsProductToken = "Extraction Bot" },
    };

    public static TheoryData<string> InvalidCaseNames => new(InvalidCases.Keys);

    [Theory]
    [MemberData(nameof(InvalidCaseNames))]
    public void Constructor_InvalidOption_ThrowsNamingIt(string invalidCase)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new HttpFetcher(InvalidCases[invalidCase]));

        // The case name starts with the option the exception must name, in ParamName and in the message.
        Assert.Equal(invalidCase.Split(' ')[0], error.ParamName);
        Assert.StartsWith(invalidCase.Split(' ')[0] + " ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DefaultOptions_Valid()
    {
        using var fetcher = new HttpFetcher(new HttpFetchOptions());
    }

    [Fact]
    public void Constructor_UserAgentWithEveryPrintableAsciiCharacter_Valid()
    {
        // From ' ' to '~': the whole printable range is allowed, its last character included.
        var printable = new string(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).ToArray());

        using var fetcher = new HttpFetcher(Fast with { UserAgent = "ExtractionBot/1.0 " + printable });
    }

    [Fact]
    public void RetryAfterOf_HttpDate_IsDelayFromNow()
    {
        var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Sat, 01 Mar 2025 12:00:07 GMT");

        Assert.Equal(TimeSpan.FromSeconds(7), HttpResponseReader.RetryAfterOf(response.Headers, now));
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("Sat, 01 Mar 2025 11:00:00 GMT", 0)]
    public void RetryAfterOf_DeltaOrPastDate_IsClampedDelay(string header, int seconds)
    {
        var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", header);

        Assert.Equal(TimeSpan.FromSeconds(seconds), HttpResponseReader.RetryAfterOf(response.Headers, now));
    }

    [Fact]
    public async Task FetchAsync_RetryAfterEqualToTheLimit_WaitedAndRetried()
    {
        // MaxRetryAfter is the longest wait accepted: a Retry-After of exactly that long is still waited out.
        var id = NewId();
        var item = Item($"/limited-always/1/{id}");
        var options = Counting with { MaxRetries = 1, MaxRetryAfter = TimeSpan.FromSeconds(1) };
        var clock = new TimerClock();
        using var fetcher = new HttpFetcher(options, clock);

        var fetch = fetcher.FetchAsync(item, CancellationToken.None);
        var retry = clock.NextTimerAsync(RetryWait(options));
        Assert.Same(retry, await Task.WhenAny(retry, fetch));
        var wait = await retry;
        clock.Advance(wait);
        var reason = AssertFailed(await fetch.WaitAsync(TimerClock.HangGuard), item);

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal("HTTP 429 Too Many Requests (2 attempts)", reason);
        Assert.Equal(2, server.Hits($"limited-always/{id}"));
    }

    [Fact]
    public async Task FetchAsync_TimeoutOfPartSeconds_NamedWithItsDecimals()
    {
        var reason = await FailAfterOneAttemptTimeoutAsync(
            "hang", Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(1500), MaxRetries = 0 });

        Assert.Equal("timed out after 1.5 s (1 attempt)", reason);
    }

    [Fact]
    public async Task FetchAsync_TotalTimeoutDuringTheSecondAttempt_CountsBothAttempts()
    {
        var id = NewId();
        var item = Item($"/hang/{id}");
        var options = Fast with { AttemptTimeout = TimeSpan.FromMinutes(10), TotalTimeout = TimeSpan.FromMinutes(15), MaxRetries = 10 };
        var clock = new TimerClock();
        var start = clock.GetUtcNow();
        using var fetcher = new HttpFetcher(options, clock);

        // The first attempt times out at 10 min; the second starts after its backoff and is cut off at 15 min. Minutes
        // that only the fake clock can pass: a timeout set on the real clock would not fire within the 10 s guard.
        var fetch = fetcher.FetchAsync(item, CancellationToken.None);
        await server.WaitForHitsAsync($"hang/{id}", 1);
        clock.Advance(options.AttemptTimeout);
        clock.Advance(await clock.NextTimerAsync(RetryWait(options)));
        await server.WaitForHitsAsync($"hang/{id}", 2);
        clock.Advance(options.TotalTimeout - (clock.GetUtcNow() - start));
        var reason = AssertFailed(await fetch.WaitAsync(TimeSpan.FromSeconds(10)), item);

        Assert.Equal("timed out after 900 s in total (2 attempts)", reason);
    }

    [Fact]
    public async Task FetchAsync_CallerCancels_SaysTheCallerCancelled()
    {
        var id = NewId();
        using var fetcher = new HttpFetcher(Fast, new TimerClock());
        using var cancellation = new CancellationTokenSource();

        var fetch = fetcher.FetchAsync(Item($"/hang/{id}"), cancellation.Token);
        await server.WaitForHitsAsync($"hang/{id}", 1);
        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch.WaitAsync(TimerClock.HangGuard));

        Assert.Equal("The fetch was cancelled by the caller.", error.Message);
        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    [Fact]
    public async Task FetchAsync_FetcherDisposedMidRequest_FailsNotCancelledByTheCaller()
    {
        // Only the caller's own token throws; a fetch cut off by the fetcher's disposal is a failure like any other.
        var id = NewId();
        var item = Item($"/hang/{id}");
        var fetcher = new HttpFetcher(Fast with { MaxRetries = 0 }, new TimerClock());

        var fetch = fetcher.FetchAsync(item, CancellationToken.None);
        await server.WaitForHitsAsync($"hang/{id}", 1);
        fetcher.Dispose();
        var reason = AssertFailed(await fetch.WaitAsync(TimerClock.HangGuard), item);

        Assert.Equal("cancelled before it finished (not by the caller)", reason);
    }

    [Fact]
    public async Task Dispose_HandlerGivenByTheCaller_LeftUsable()
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        using (var fetcher = new HttpFetcher(Fast, null, handler))
        {
            AssertOk(await fetcher.FetchAsync(Item("/page"), CancellationToken.None));
        }

        using var client = new HttpClient(handler, disposeHandler: false);
        using var response = await client.GetAsync(server.Url("/page"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dispose_OwnConnections_ClosedAtOnce()
    {
        // A bare server on 127.0.0.1 that keeps the connection open after its answer, so the test sees when the
        // client lets go of it: at Dispose, not when the idle pool gives it up a minute later.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var fetcher = new HttpFetcher(Fast with { RespectRobots = false });

        var fetch = fetcher.FetchAsync(new InputItem("a", $"http://127.0.0.1:{port}/seite", InputKind.Url), CancellationToken.None);
        using var connection = await listener.AcceptTcpClientAsync().WaitAsync(TimerClock.HangGuard);
        var stream = connection.GetStream();
        var request = new byte[4096];
        var received = "";
        while (!received.Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(request).AsTask().WaitAsync(TimerClock.HangGuard);
            Assert.NotEqual(0, n);
            received += Encoding.ASCII.GetString(request, 0, n);
        }

        var body = "<p>Die Stadt baut.</p>";
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {body.Length}\r\n\r\n{body}"));
        AssertOk(await fetch.WaitAsync(TimerClock.HangGuard));
        fetcher.Dispose();

        var closed = stream.ReadAsync(request).AsTask();
        Assert.Same(closed, await Task.WhenAny(closed, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(0, await closed);
    }

    [Fact]
    public async Task FetchAsync_ServerSetsACookie_NeverSentBack()
    {
        // Pages of one site must not depend on what an earlier fetch was told (no sessions, no tracking).
        var id = NewId();
        using var fetcher = new HttpFetcher(Fast with { RespectRobots = false });

        AssertOk(await fetcher.FetchAsync(Item($"/cookie/{id}"), CancellationToken.None));
        AssertOk(await fetcher.FetchAsync(Item($"/cookie/{id}"), CancellationToken.None));

        Assert.Equal(2, server.Hits($"cookie/{id}"));
        Assert.Equal("", server.Cookies[$"{id}/2"]);
    }

    [Fact]
    public async Task FetchAsync_HandlerThatFollowsRedirects_DocumentNamesWhereItEnded()
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = true };
        using var fetcher = new HttpFetcher(Fast, null, handler);

        var document = AssertOk(await fetcher.FetchAsync(Item("/chain/2"), CancellationToken.None));

        Assert.Equal(server.Url("/chain/0"), document.Url);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ohne-anfuehrungszeichen")]
    public async Task FetchAsync_304ToARequestWithoutUsableConditions_NotTakenForUnchanged(string? etag)
    {
        // No stored copy, or an ETag that is not a quoted entity tag (it cannot be sent): the request is
        // unconditional, and a 304 to it is the server's error, not "unchanged".
        var item = Item("/always-304") with { Conditions = etag is null ? null : new FetchConditions(etag, null) };

        var outcome = await FetchAsync(Fast, item);

        Assert.False(outcome.NotModified);
        Assert.Equal("HTTP 304 Not Modified", AssertFailed(outcome, item));
    }

    [Fact]
    public async Task FetchAsync_NoContentTypeBodyWithByteOrderMarkThenMarkup_Html()
    {
        var document = AssertOk(await FetchAsync(Fast, Item("/untyped/bom-markup")));

        Assert.Equal(DocumentFormat.Html, document.Format);
    }

    [Fact]
    public async Task FetchAsync_EmptyCharsetParameter_NoCharset()
    {
        var document = AssertOk(await FetchAsync(Fast, Item("/empty-charset")));

        Assert.Null(document.DeclaredCharset);
    }

    [Fact]
    public void Constructor_ProductTokenWithASpace_SaysWhatATokenMayHold()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new HttpFetcher(Fast with { RobotsProductToken = "Extraction Bot" }));

        Assert.StartsWith("RobotsProductToken must be letters, '_' and '-' only (RFC 9309).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadBoundedAsync_BodyOverTheLimitInItsSecondRead_KeepsExactlyTheLimit()
    {
        // robots.txt keeps the first maxBytes of a longer file: the part of the read that still fits is kept too.
        var body = new byte[20_000];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = (byte)('a' + (i % 26));
        }

        using var content = new ByteArrayContent(body);
        var (bytes, complete) = await HttpResponseReader.ReadBoundedAsync(content, 17_000, CancellationToken.None);

        Assert.False(complete);
        Assert.Equal(body.AsSpan(0, 17_000).ToArray(), bytes);
    }

    private static int ClosedPort()
    {
        // Bind to a free port and let it go: nothing listens there for the moment the test needs.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
