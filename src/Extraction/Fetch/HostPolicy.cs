using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Extraction.Fetch;

/// <summary>
/// The resilience pipelines of one host for <see cref="HttpFetcher"/>: its slots (per host, then overall), the
/// total timeout per URL, and per hop retry, circuit breaker and attempt timeout; plus the pacing of its starts.
/// </summary>
internal sealed class HostPolicy : IDisposable
{
    private static readonly TimeSpan ShortestSamplingWindow = TimeSpan.FromSeconds(30);

    private readonly ConcurrencyLimiter _limiter;
    private readonly SemaphoreSlim _pace = new(1, 1);
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;

    private HostPolicy(string key, ConcurrencyLimiter limiter, ResiliencePipeline slots, ResiliencePipeline total, ResiliencePipeline<HttpHop> hop)
    {
        Key = key;
        _limiter = limiter;
        Slots = slots;
        Total = total;
        Hop = hop;
    }

    /// <summary>The host and port, as errors name it.</summary>
    public string Key { get; }

    /// <summary>A slot of this host, then an overall one; waiting here never counts against the total timeout.</summary>
    public ResiliencePipeline Slots { get; }

    /// <summary>The total timeout of one URL, redirects and retries included.</summary>
    public ResiliencePipeline Total { get; }

    /// <summary>One hop: retry, then the host's circuit breaker, then the attempt timeout.</summary>
    public ResiliencePipeline<HttpHop> Hop { get; }

    /// <summary>A limiter whose callers queue (a batch may queue every URL at once) rather than being turned away.</summary>
    public static ConcurrencyLimiter CreateLimiter(int permits) => new(new ConcurrencyLimiterOptions
    {
        PermitLimit = permits,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>
    /// The pipelines of host <paramref name="key"/> from validated options, sharing the overall limiter;
    /// <paramref name="jitter"/> (numbers in [0, 1)) replaces Polly's random source when tests need the same waits every run.
    /// </summary>
    public static HostPolicy Create(string key, HttpFetchOptions options, TimeProvider time, ConcurrencyLimiter overall, Func<double>? jitter = null)
    {
        var limiter = CreateLimiter(options.MaxConcurrencyPerHost);
        var slots = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRateLimiter(limiter)
            .AddRateLimiter(overall)
            .Build();
        var total = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(options.TotalTimeout)
            .Build();

        var hop = new ResiliencePipelineBuilder<HttpHop> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            var retry = new RetryStrategyOptions<HttpHop>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.MaxRetryAfter)),
                // A Retry-After the server sent replaces the backoff; ShouldRetry already refused one that is too long.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is HopStatus { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
            };
            if (jitter is not null)
            {
                retry.Randomizer = jitter;
            }

            hop.AddRetry(retry);
        }

        if (options.CircuitBreakerFailures > 0)
        {
            // Polly v8 breaks on a failure ratio: ratio 1 over at least N samples means "N failures and no success
            // in the window". The window is long enough to hold N attempts that each run into the attempt timeout.
            var window = TimeSpan.FromTicks(Math.Max(ShortestSamplingWindow.Ticks, 2 * options.CircuitBreakerFailures * options.AttemptTimeout.Ticks));
            hop.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpHop>
            {
                FailureRatio = 1.0,
                MinimumThroughput = options.CircuitBreakerFailures,
                SamplingDuration = window < TimeSpan.FromDays(1) ? window : TimeSpan.FromDays(1),
                BreakDuration = options.CircuitBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
        }

        hop.AddTimeout(options.AttemptTimeout);
        return new HostPolicy(key, limiter, slots, total, hop.Build());
    }

    /// <summary>
    /// Waits until <paramref name="delay"/> has passed since the previous URL to this host started; one waiter at a
    /// time, so each start is measured from the real previous one. Retries keep their own backoff, and the next hop
    /// of a redirect follows at once.
    /// </summary>
    public async Task PaceAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        await _pace.WaitAsync(cancellationToken);
        try
        {
            var wait = _lastStart == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastStart + delay - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            _lastStart = time.GetUtcNow();
        }
        finally
        {
            _pace.Release();
        }
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _pace.Dispose();
    }

    private static bool IsTransient(Outcome<HttpHop> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } } => false,
        { Exception: TimeoutRejectedException or HttpRequestException or IOException } => true,
        { Result: HopStatus status } => status.IsTransient,
        _ => false,
    };

    private static bool ShouldRetry(Outcome<HttpHop> outcome, TimeSpan maxRetryAfter)
    {
        if (!IsTransient(outcome))
        {
            return false;
        }

        // A Retry-After beyond the limit fails the URL now instead of waiting that long.
        return outcome.Result is not HopStatus { RetryAfter: { } wait } || wait <= maxRetryAfter;
    }
}
