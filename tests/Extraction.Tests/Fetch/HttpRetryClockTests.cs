using System.Globalization;
using System.Net;
using System.Text;
using Extraction.Fetch;
using Extraction.Tests.Support;

namespace Extraction.Tests.Fetch;

/// <summary>
/// Which answers are asked again, and how long the fetcher waits before it does, on a fake clock and
/// an in-memory handler: every wait is read exactly from the timer the fetcher sets, and no test
/// waits on the real clock.
/// </summary>
public sealed class HttpRetryClockTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromMinutes(10);

    private static readonly HttpFetchOptions Options = new()
    {
        AttemptTimeout = AttemptTimeout,
        TotalTimeout = TotalTimeout,
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryAfter = TimeSpan.FromSeconds(30),
        CircuitBreakerFailures = 0,
        RespectRobots = false,
    };

    private const string Page = "<html><body><p>Die Stadtwerke bauen ein Rechenzentrum für 40 Millionen Euro.</p></body></html>";

    /// <summary>Answers each request with the next scripted response and notes the fake time it came.</summary>
    private sealed class ScriptedHandler(TimeProvider clock, params Func<HttpResponseMessage>[] script) : HttpMessageHandler
    {
        private int _next;

        public List<DateTimeOffset> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(clock.GetUtcNow());
                var response = script[Math.Min(_next++, script.Length - 1)]();
                response.RequestMessage = request;
                return Task.FromResult(response);
            }
        }
    }

    private static Func<HttpResponseMessage> Status(int code, Action<HttpResponseMessage>? headers = null) => () =>
    {
        var r = new HttpResponseMessage((HttpStatusCode)code) { Content = new StringContent("") };
        headers?.Invoke(r);
        return r;
    };

    private static Func<HttpResponseMessage> Ok() => () => new HttpResponseMessage(HttpStatusCode.OK)
    {
        Content = new StringContent(Page, Encoding.UTF8, "text/html"),
    };

    /// <summary>
    /// Runs one fetch, moving the fake clock over each retry wait as soon as the fetcher sets it;
    /// returns the outcome and the waits. Timers of the two timeouts are not waits and are left alone.
    /// </summary>
    private static async Task<(FetchOutcome Outcome, List<TimeSpan> Waits)> Fetch(HttpFetchOptions options, TimerClock clock, ScriptedHandler handler, Func<double>? jitter = null)
    {
        using var fetcher = new HttpFetcher(options, clock, handler, jitter);
        var item = new InputItem("artikel", "http://nachrichten.test/artikel", InputKind.Url);
        var fetch = fetcher.FetchAsync(item, CancellationToken.None);
        var waits = new List<TimeSpan>();
        while (!fetch.IsCompleted)
        {
            var next = clock.Timers.Reader.ReadAsync().AsTask();
            // The real-time bound only keeps a broken fetcher from hanging the suite; nothing waits for it.
            await Task.WhenAny(fetch, next).WaitAsync(TimerClock.HangGuard);
            if (next.IsCompletedSuccessfully)
            {
                var due = next.Result;
                if (due != options.AttemptTimeout && due != options.TotalTimeout && due != Timeout.InfiniteTimeSpan)
                {
                    waits.Add(due);
                    clock.Advance(due);
                }
            }
        }

        while (clock.Timers.Reader.TryRead(out var due))
        {
            if (due != options.AttemptTimeout && due != options.TotalTimeout && due != Timeout.InfiniteTimeSpan)
            {
                waits.Add(due);
            }
        }

        return (await fetch, waits);
    }

    [Fact]
    public async Task FetchAsync_408ThenPage_AsksAgainAfterAWaitAndReturnsThePage()
    {
        var clock = new TimerClock();
        var handler = new ScriptedHandler(clock, Status(408), Ok());

        var (outcome, waits) = await Fetch(Options, clock, handler);

        Assert.True(outcome.Failure is null, outcome.Failure?.Reason);
        Assert.Equal(2, handler.Requests.Count);
        var wait = Assert.Single(waits);
        Assert.Equal(wait, handler.Requests[1] - handler.Requests[0]);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task FetchAsync_TransientStatusEveryTime_TriesOnceAndThreeTimesMoreThenNamesIt(int code)
    {
        var clock = new TimerClock();
        var handler = new ScriptedHandler(clock, Status(code));

        var (outcome, waits) = await Fetch(Options, clock, handler);

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(3, waits.Count);
        Assert.NotNull(outcome.Failure);
        Assert.StartsWith($"HTTP {code} ", outcome.Failure.Reason, StringComparison.Ordinal);
        Assert.EndsWith("(4 attempts)", outcome.Failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task FetchAsync_LastingStatus_AsksOnceOnly(int code)
    {
        var clock = new TimerClock();
        var handler = new ScriptedHandler(clock, Status(code), Ok());

        var (outcome, waits) = await Fetch(Options, clock, handler);

        Assert.Single(handler.Requests);
        Assert.Empty(waits);
        Assert.Equal($"HTTP {code} {((HttpStatusCode)code) switch { HttpStatusCode.BadRequest => "Bad Request", HttpStatusCode.Forbidden => "Forbidden", HttpStatusCode.NotFound => "Not Found", _ => "Gone" }}", outcome.Failure?.Reason);
    }

    [Fact]
    public async Task FetchAsync_Backoff_GrowsAndIsJittered()
    {
        // Sixteen URLs each answered 503 four times: the waits before the first retry must not all be the
        // same (jitter: hosts that failed together do not come back together), and the third wait must on
        // average be well above the first (exponential); a constant or unjittered backoff fails one of the
        // two. The jitter is drawn from a seeded generator, so every run sees the same waits (Polly's own
        // generator made them, and so the margin of the second check, vary from run to run). Polly's
        // jittered exponential backoff from 1 s gives first waits of about 0.3-2 s and third waits about
        // four times as long.
        var jitter = new Random(18);
        var first = new List<TimeSpan>();
        var third = new List<TimeSpan>();
        for (var i = 0; i < 16; i++)
        {
            var clock = new TimerClock();
            var (_, waits) = await Fetch(Options, clock, new ScriptedHandler(clock, Status(503)), jitter.NextDouble);
            Assert.Equal(3, waits.Count);
            Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30)));
            first.Add(waits[0]);
            third.Add(waits[2]);
        }

        Assert.True(first.Distinct().Count() >= 8, $"first waits: {string.Join(", ", first)}");
        Assert.True(third.Average(t => t.TotalSeconds) > 2 * first.Average(t => t.TotalSeconds), $"first waits average {first.Average(t => t.TotalSeconds):0.00} s, third {third.Average(t => t.TotalSeconds):0.00} s");
    }

    [Fact]
    public async Task FetchAsync_BlankReasonPhrase_NamedFromTheStatusCode()
    {
        var clock = new TimerClock();
        var handler = new ScriptedHandler(clock, Status(404, r => r.ReasonPhrase = "  "));

        var (outcome, _) = await Fetch(Options, clock, handler);

        Assert.Equal("HTTP 404 Not Found", outcome.Failure?.Reason);
    }

    [Fact]
    public async Task FetchAsync_SameJitterSource_SameWaits()
    {
        // The jitter source given to the fetcher is the one used: two fetches fed the same seeded numbers wait
        // exactly alike (Polly's own random source would make them differ).
        var runs = new List<List<TimeSpan>>();
        for (var run = 0; run < 2; run++)
        {
            var clock = new TimerClock();
            var (_, waits) = await Fetch(Options, clock, new ScriptedHandler(clock, Status(503)), new Random(5).NextDouble);
            runs.Add(waits);
        }

        Assert.Equal(3, runs[0].Count);
        Assert.Equal(runs[0], runs[1]);
    }

    [Fact]
    public async Task FetchAsync_RetryAfterSeconds_WaitsExactlyThatLong()
    {
        var clock = new TimerClock();
        var handler = new ScriptedHandler(clock, Status(503, r => r.Headers.Add("Retry-After", "7")), Ok());

        var (outcome, waits) = await Fetch(Options, clock, handler);

        Assert.True(outcome.Failure is null, outcome.Failure?.Reason);
        Assert.Equal([TimeSpan.FromSeconds(7)], waits);
        Assert.Equal(TimeSpan.FromSeconds(7), handler.Requests[1] - handler.Requests[0]);
    }

    [Fact]
    public async Task FetchAsync_RetryAfterHttpDate_WaitsUntilThatDate()
    {
        var clock = new TimerClock();
        var at = clock.GetUtcNow().AddSeconds(12).ToString("r", CultureInfo.InvariantCulture);
        var handler = new ScriptedHandler(clock, Status(429, r => r.Headers.Add("Retry-After", at)), Ok());

        var (outcome, waits) = await Fetch(Options, clock, handler);

        Assert.True(outcome.Failure is null, outcome.Failure?.Reason);
        Assert.Equal([TimeSpan.FromSeconds(12)], waits);
    }

    [Fact]
    public async Task FetchAsync_RetryAfterDateInThePast_AsksAgainAtOnce()
    {
        var clock = new TimerClock();
        var at = clock.GetUtcNow().AddMinutes(-5).ToString("r", CultureInfo.InvariantCulture);
        var handler = new ScriptedHandler(clock, Status(503, r => r.Headers.Add("Retry-After", at)), Ok());

        var (outcome, _) = await Fetch(Options, clock, handler);

        Assert.True(outcome.Failure is null, outcome.Failure?.Reason);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0], handler.Requests[1]);
    }

    [Fact]
    public async Task FetchAsync_RetryAfterBeyondLimit_FailsAtOnceNamingBoth()
    {
        var clock = new TimerClock();
        var handler = new ScriptedHandler(clock, Status(503, r => r.Headers.Add("Retry-After", "90")), Ok());

        var (outcome, waits) = await Fetch(Options, clock, handler);

        Assert.Single(handler.Requests);
        Assert.Empty(waits);
        Assert.Equal("HTTP 503 Service Unavailable; Retry-After 90 s exceeds the 30 s limit", outcome.Failure?.Reason);
    }

    [Theory]
    [InlineData(404, "HTTP 404 Not Found")]
    [InlineData(451, "HTTP 451 Unavailable For Legal Reasons")]
    [InlineData(499, "HTTP 499")]
    public async Task FetchAsync_StatusWithoutReasonPhrase_NamedFromTheStatusCode(int code, string reason)
    {
        // HTTP/2 sends no reason phrase: the status code's name, spelled out, stands in.
        var clock = new TimerClock();
        var handler = new ScriptedHandler(clock, Status(code, r => r.ReasonPhrase = ""));

        var (outcome, _) = await Fetch(Options, clock, handler);

        Assert.Equal(reason, outcome.Failure?.Reason);
    }

    [Fact]
    public async Task FetchAsync_300MultipleChoices_NotTakenForAPage()
    {
        var clock = new TimerClock();
        var handler = new ScriptedHandler(clock, Status(300));

        var (outcome, _) = await Fetch(Options, clock, handler);

        Assert.Null(outcome.Document);
        Assert.Equal("HTTP 300 Multiple Choices", outcome.Failure?.Reason);
    }

    [Fact]
    public async Task FetchAsync_BodyOverTheLimitInItsSecondChunk_Refused()
    {
        // 40 KB read in 16 KB chunks against a 20 KB limit: the first chunk fits, the second does not.
        var clock = new TimerClock();
        var handler = new ScriptedHandler(clock, () => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(Encoding.ASCII.GetBytes(new string('x', 40 * 1024))),
        });

        var (outcome, _) = await Fetch(Options with { MaxResponseBytes = 20 * 1024 }, clock, handler);

        Assert.Equal("response larger than 20480 bytes", outcome.Failure?.Reason);
    }

    [Fact]
    public async Task FetchAsync_203WithAPage_ReturnsThePage()
    {
        var clock = new TimerClock();
        var handler = new ScriptedHandler(clock, () => new HttpResponseMessage(HttpStatusCode.NonAuthoritativeInformation)
        {
            Content = new StringContent(Page, Encoding.UTF8, "text/html"),
        });

        var (outcome, _) = await Fetch(Options, clock, handler);

        Assert.True(outcome.Failure is null, outcome.Failure?.Reason);
        Assert.Equal(Page, Encoding.UTF8.GetString(outcome.Document!.Content));
    }
}
