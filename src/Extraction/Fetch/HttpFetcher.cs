using System.Net;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Extraction.Fetch;

/// <summary>Fetches URL inputs over HTTP(S) with retries, timeouts, per-host breakers and limits, and robots.txt; thread-safe.</summary>
// Per URL: wait for a slot of its host, then an overall slot (so time in a queue never counts against TotalTimeout),
// then follow redirects within TotalTimeout. Each hop runs retry, then its host's circuit breaker, then AttemptTimeout
// around one request and its whole body. A redirect to another host uses that host's breaker, not its slots.
public sealed class HttpFetcher : IDocumentFetcher, IDisposable
{
    private const string AcceptHeader = "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1";
    private const string FeedAcceptHeader = "application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1";

    private readonly HttpFetchOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<double>? _jitter;
    private readonly HttpClient _client;
    private readonly ConcurrencyLimiter _overallLimiter;
    private readonly Dictionary<string, HostPolicy> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _hostsLock = new();
    private readonly RobotsCache _robots;
    private readonly CancellationTokenSource _lifetime = new();
    private int _disposed;

    /// <summary>Builds a fetcher; throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    /// <param name="options">Validated here, once.</param>
    /// <param name="timeProvider">Clock for timeouts, delays and Retry-After dates; the system clock when null.</param>
    /// <param name="handler">
    /// Transport for tests or proxies, not disposed by the fetcher; when null a SocketsHttpHandler that does not
    /// follow redirects (the fetcher does, to cap them and check their scheme and robots.txt).
    /// </param>
    public HttpFetcher(HttpFetchOptions options, TimeProvider? timeProvider = null, HttpMessageHandler? handler = null)
        : this(options, timeProvider, handler, jitter: null)
    {
    }

    /// <summary>As above, with the source of the retry jitter (numbers in [0, 1)) given, so that tests see the same waits every run.</summary>
    internal HttpFetcher(HttpFetchOptions options, TimeProvider? timeProvider, HttpMessageHandler? handler, Func<double>? jitter)
    {
        HttpFetchOptionsValidator.Validate(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _jitter = jitter;
        _client = handler is null
            ? new HttpClient(CreateHandler(options), disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = Timeout.InfiniteTimeSpan;
        _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        _overallLimiter = HostPolicy.CreateLimiter(options.MaxConcurrency);
        _robots = new RobotsCache(_client, options, _time, _lifetime.Token);
    }

    /// <summary>Fetches one URL; failures come back as <see cref="FetchOutcome.Fail"/>, only caller cancellation throws.</summary>
    public async Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();

        if (item.Kind != InputKind.Url)
        {
            return Fail(item, $"not a URL input (kind {item.Kind})");
        }

        if (!Uri.TryCreate(item.Location, UriKind.Absolute, out var uri) || !IsHttp(uri))
        {
            return Fail(item, $"not an absolute http(s) URL: '{item.Location}'");
        }

        var state = new FetchState(item, uri);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var host = HostOf(uri);
            var outcome = await host.Slots.ExecuteOutcomeAsync(
                async (ctx, s) =>
                {
                    // The per-host delay is waited for with the host's slot held, so requests to a host start at
                    // least that far apart; like the queue, it does not count against TotalTimeout.
                    try
                    {
                        await host.PaceAsync(_options.HostDelay, _time, ctx.CancellationToken);
                    }
                    catch (OperationCanceledException error)
                    {
                        return Outcome.FromException<FetchOutcome>(error);
                    }

                    return await host.Total.ExecuteOutcomeAsync((c, t) => FollowRedirectsAsync(c, t), ctx, s);
                },
                context,
                state);
            if (outcome.Result is { } result)
            {
                return result;
            }

            var error = outcome.Exception!;
            if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The fetch was cancelled by the caller.", error, cancellationToken);
            }

            return Fail(item, error switch
            {
                TimeoutRejectedException => $"timed out after {Describe(_options.TotalTimeout)} in total ({Attempts(state.Attempts)})",
                RateLimiterRejectedException => "no free connection slot for the host",
                OperationCanceledException => "cancelled before it finished (not by the caller)",
                _ => $"unexpected {error.GetType().Name}: {error.Message}",
            });
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Cancels robots.txt fetches in flight and releases connections and limiters.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lifetime.Cancel();
        _client.Dispose();
        _overallLimiter.Dispose();
        lock (_hostsLock)
        {
            foreach (var host in _hosts.Values)
            {
                host.Dispose();
            }

            _hosts.Clear();
        }

        _lifetime.Dispose();
    }

    private static SocketsHttpHandler CreateHandler(HttpFetchOptions options) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        ConnectTimeout = options.AttemptTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private static FetchOutcome Fail(InputItem item, string reason) => FetchOutcome.Fail(item.Location, reason);

    internal static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    private static string HostKey(Uri uri) => $"{uri.IdnHost}:{uri.Port}";

    private static string Attempts(int count) => count == 1 ? "1 attempt" : $"{count} attempts";

    private static string Describe(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => $"{span.TotalMilliseconds:0.#} ms",
        var s when s == Math.Floor(s) => $"{s:0} s",
        var s => $"{s:0.###} s",
    };

    private HostPolicy HostOf(Uri uri)
    {
        var key = HostKey(uri);
        lock (_hostsLock)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (!_hosts.TryGetValue(key, out var host))
            {
                host = HostPolicy.Create(key, _options, _time, _overallLimiter, _jitter);
                _hosts.Add(key, host);
            }

            return host;
        }
    }

    // Runs within TotalTimeout; never throws: Polly expects outcome callbacks to return exceptions as values.
    private async ValueTask<Outcome<FetchOutcome>> FollowRedirectsAsync(ResilienceContext context, FetchState state)
    {
        try
        {
            return Outcome.FromResult(await FollowRedirectsAsync(state, context.CancellationToken));
        }
        catch (Exception error)
        {
            return Outcome.FromException<FetchOutcome>(error);
        }
    }

    private async Task<FetchOutcome> FollowRedirectsAsync(FetchState state, CancellationToken cancellationToken)
    {
        var item = state.Item;
        for (var redirects = 0; ; )
        {
            if (_options.RespectRobots && !await _robots.IsAllowedAsync(state.Current, cancellationToken))
            {
                return Fail(item, redirects == 0 ? "blocked by robots.txt" : $"blocked by robots.txt (redirect to {state.Current})");
            }

            var host = HostOf(state.Current);
            var hop = await SendWithRetriesAsync(host, state, cancellationToken);
            if (hop.Exception is OperationCanceledException)
            {
                // The total timeout or the caller: the entry pipeline tells which.
                hop.ThrowIfException();
            }

            if (hop.Exception is { } error)
            {
                return Fail(item, error switch
                {
                    BrokenCircuitException => $"circuit open for host {host.Key}",
                    TimeoutRejectedException => $"timed out after {Describe(_options.AttemptTimeout)} ({Attempts(state.HopAttempts)})",
                    HttpRequestException => $"request failed: {error.Message} ({Attempts(state.HopAttempts)})",
                    IOException => $"reading the response failed: {error.Message} ({Attempts(state.HopAttempts)})",
                    _ => $"unexpected {error.GetType().Name}: {error.Message}",
                });
            }

            switch (hop.Result)
            {
                case HopDocument document:
                    return FetchOutcome.Ok(new FetchedDocument(item, document.Content, document.Format, document.Charset, document.Url.AbsoluteUri)
                    {
                        ETag = document.ETag,
                        LastModified = document.LastModified,
                        MediaType = document.MediaType,
                    });

                case HopNotModified:
                    return FetchOutcome.Unchanged();

                case HopRedirect redirect:
                    redirects++;
                    if (redirects > _options.MaxRedirects)
                    {
                        return Fail(item, $"too many redirects ({redirects} > {_options.MaxRedirects})");
                    }

                    if (!Uri.TryCreate(redirect.Url, redirect.Location, out var next))
                    {
                        return Fail(item, $"redirect to an invalid location '{redirect.Location}'");
                    }

                    if (!IsHttp(next))
                    {
                        return Fail(item, $"redirect to unsupported scheme {next.Scheme}");
                    }

                    state.Current = next;
                    break;

                case HopStatus status:
                    var reason = status.ToString();
                    if (status.IsTransient && status.RetryAfter is { } wait && wait > _options.MaxRetryAfter)
                    {
                        reason += $"; Retry-After {Describe(wait)} exceeds the {Describe(_options.MaxRetryAfter)} limit";
                    }

                    return Fail(item, state.HopAttempts > 1 ? $"{reason} ({Attempts(state.HopAttempts)})" : reason);

                case HopRejected rejected:
                    return Fail(item, rejected.Reason);

                default:
                    return Fail(item, "unexpected: a request ended with neither a response nor an error");
            }
        }
    }

    private async Task<Outcome<HttpHop>> SendWithRetriesAsync(HostPolicy host, FetchState state, CancellationToken cancellationToken)
    {
        state.HopAttempts = 0;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            return await host.Hop.ExecuteOutcomeAsync((ctx, s) => SendOnceAsync(ctx, s), context, state);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // One attempt: the request and the whole body, so AttemptTimeout also cuts off a body that trickles.
    private async ValueTask<Outcome<HttpHop>> SendOnceAsync(ResilienceContext context, FetchState state)
    {
        state.Attempts++;
        state.HopAttempts++;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, state.Current);
            request.Headers.TryAddWithoutValidation("Accept", state.Item.IsFeed ? FeedAcceptHeader : AcceptHeader);
            var conditional = AddConditions(request, state.Item.Conditions);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.CancellationToken);
            var hop = await HttpResponseReader.ReadAsync(
                response, state.Current, _options.MaxResponseBytes, _time.GetUtcNow(), context.CancellationToken, state.Item.IsFeed, conditional);
            return Outcome.FromResult(hop);
        }
        catch (Exception error)
        {
            return Outcome.FromException<HttpHop>(error);
        }
    }

    // If-None-Match wins over If-Modified-Since at the server (RFC 9110 13.2.2); both are sent when known.
    private static bool AddConditions(HttpRequestMessage request, FetchConditions? conditions)
    {
        if (conditions is null || conditions.IsEmpty)
        {
            return false;
        }

        var sent = false;
        if (conditions.ETag is { } etag && System.Net.Http.Headers.EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
            sent = true;
        }

        if (conditions.LastModified is { } since)
        {
            request.Headers.IfModifiedSince = since;
            sent = true;
        }

        return sent;
    }

    private sealed class FetchState(InputItem item, Uri start)
    {
        public InputItem Item { get; } = item;

        public Uri Current { get; set; } = start;

        /// <summary>Requests sent for this URL, over all hops.</summary>
        public int Attempts { get; set; }

        /// <summary>Requests sent for the current hop.</summary>
        public int HopAttempts { get; set; }
    }
}
