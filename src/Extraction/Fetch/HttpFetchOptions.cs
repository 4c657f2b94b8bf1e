namespace Extraction.Fetch;

/// <summary>Options of the HTTP fetcher; validated when the fetcher is built.</summary>
public sealed record HttpFetchOptions
{
    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Timeout of one URL including all retries.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Base delay of the exponential backoff.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest Retry-After that is honoured; longer ones fail the URL.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Redirects followed at most.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Largest response body accepted, enforced while streaming.</summary>
    public long MaxResponseBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Concurrent requests overall.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Concurrent requests to one host.</summary>
    public int MaxConcurrencyPerHost { get; init; } = 2;

    /// <summary>Failures in a row after which a host's circuit opens (0: no breaker, else at least 2).</summary>
    public int CircuitBreakerFailures { get; init; } = 5;

    /// <summary>How long an open circuit stays open.</summary>
    public TimeSpan CircuitBreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Least time between the starts of two URLs to one host (0: none); waited for outside TotalTimeout.</summary>
    public TimeSpan HostDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Whether robots.txt is fetched and obeyed.</summary>
    public bool RespectRobots { get; init; } = true;

    /// <summary>The product token looked up in robots.txt User-agent lines (letters, '_' and '-' only).</summary>
    public string RobotsProductToken { get; init; } = RobotsTxt.DefaultProductToken;

    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent { get; init; } = "ExtractionBot/0.1 (+https://example.invalid/extraction; German AI investment news extractor)";
}
