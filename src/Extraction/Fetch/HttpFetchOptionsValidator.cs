namespace Extraction.Fetch;

/// <summary>Checks <see cref="HttpFetchOptions"/> once, when a fetcher is built, and names the bad option.</summary>
internal static class HttpFetchOptionsValidator
{
    // Polly's own limits: timeouts in [10 ms, 1 day], break duration at least 0.5 s, a breaker needs 2 samples.
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan ShortestBreak = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>Throws an <see cref="ArgumentException"/> whose ParamName is the bad option.</summary>
    public static void Validate(HttpFetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Problem(options) is { } p)
        {
            throw new ArgumentException(p.Reason, p.Option);
        }
    }

    /// <summary>The first bad option and what is wrong with it, or null when all are usable.</summary>
    public static (string Option, string Reason)? Problem(HttpFetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return InRange(options.AttemptTimeout, ShortestTimeout, Longest, nameof(options.AttemptTimeout))
            ?? InRange(options.TotalTimeout, ShortestTimeout, Longest, nameof(options.TotalTimeout))
            ?? (options.TotalTimeout < options.AttemptTimeout
                ? Invalid(nameof(options.TotalTimeout), $"TotalTimeout ({options.TotalTimeout}) must not be shorter than AttemptTimeout ({options.AttemptTimeout}).")
                : null)
            ?? InRange(options.MaxRetries, 0, 100, nameof(options.MaxRetries))
            ?? InRange(options.RetryBaseDelay, TimeSpan.Zero, Longest, nameof(options.RetryBaseDelay))
            ?? InRange(options.MaxRetryAfter, TimeSpan.Zero, Longest, nameof(options.MaxRetryAfter))
            ?? InRange(options.MaxRedirects, 0, 50, nameof(options.MaxRedirects))
            ?? InRange(options.MaxResponseBytes, 1, Array.MaxLength, nameof(options.MaxResponseBytes))
            ?? InRange(options.MaxConcurrency, 1, 10_000, nameof(options.MaxConcurrency))
            ?? InRange(options.MaxConcurrencyPerHost, 1, 10_000, nameof(options.MaxConcurrencyPerHost))
            ?? (options.CircuitBreakerFailures is not 0 and < 2
                ? Invalid(nameof(options.CircuitBreakerFailures), $"CircuitBreakerFailures must be 0 (no circuit breaker) or at least 2, was {options.CircuitBreakerFailures}.")
                : null)
            ?? InRange(options.CircuitBreakDuration, ShortestBreak, Longest, nameof(options.CircuitBreakDuration))
            ?? InRange(options.HostDelay, TimeSpan.Zero, TimeSpan.FromHours(1), nameof(options.HostDelay))
            ?? (string.IsNullOrWhiteSpace(options.UserAgent) || options.UserAgent.Any(c => c is < ' ' or > '~')
                ? Invalid(nameof(options.UserAgent), "UserAgent must be non-empty printable ASCII.")
                : null)
            ?? (string.IsNullOrEmpty(options.RobotsProductToken) || !options.RobotsProductToken.All(c => char.IsAsciiLetter(c) || c is '_' or '-')
                ? Invalid(nameof(options.RobotsProductToken), "RobotsProductToken must be letters, '_' and '-' only (RFC 9309).")
                : null);
    }

    private static (string Option, string Reason)? InRange<T>(T value, T min, T max, string name)
        where T : IComparable<T> =>
        value.CompareTo(min) < 0 || value.CompareTo(max) > 0 ? Invalid(name, $"{name} must be between {min} and {max}, was {value}.") : null;

    // The option's name travels with the reason, so a caller (the CLI) can point at its flag.
    private static (string Option, string Reason)? Invalid(string option, string message) => (option, message);
}
