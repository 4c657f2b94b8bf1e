using System.Collections.Concurrent;
using System.Text;

namespace Extraction.Fetch;

/// <summary>robots.txt of each origin for <see cref="HttpFetcher"/>: fetched once, shared by every URL of the origin.</summary>
internal sealed class RobotsCache(HttpClient client, HttpFetchOptions options, TimeProvider time, CancellationToken lifetime)
{
    // RFC 9309: crawlers must parse at least 500 KiB of robots.txt and follow at least five redirects for it.
    private const int RobotsMaxBytes = 512 * 1024;
    private const int RobotsMaxRedirects = 5;

    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> _robots = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the origin's robots.txt allows <paramref name="uri"/>; the first caller of an origin fetches it.</summary>
    public async Task<bool> IsAllowedAsync(Uri uri, CancellationToken cancellationToken)
    {
        var origin = uri.GetLeftPart(UriPartial.Authority);
        var robots = _robots.GetOrAdd(
            origin,
            static (key, cache) => new Lazy<Task<RobotsTxt>>(() => cache.FetchAsync(new Uri(key + "/robots.txt"))),
            this);
        var rules = await robots.Value.WaitAsync(cancellationToken);
        return rules.IsAllowed(uri.PathAndQuery);
    }

    // Fetched once per origin and shared, so it runs on the fetcher's lifetime, not on one caller's token.
    // A missing (4xx) robots.txt allows all; so does an unreachable one (5xx, timeout, network error), by choice:
    // RFC 9309 would disallow all until it can be read, which would fail whole batches on a flaky host.
    private async Task<RobotsTxt> FetchAsync(Uri robotsUrl)
    {
        try
        {
            // robots.txt gets the URL's whole time budget: timing out would silently allow everything.
            using var timeout = new CancellationTokenSource(options.TotalTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, lifetime);
            var current = robotsUrl;
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                var code = (int)response.StatusCode;
                if (code is 301 or 302 or 303 or 307 or 308 && redirects < RobotsMaxRedirects
                    && response.Headers.Location is { } location
                    && Uri.TryCreate(current, location, out var next) && HttpFetcher.IsHttp(next))
                {
                    current = next;
                    continue;
                }

                if (code is < 200 or >= 300)
                {
                    return RobotsTxt.AllowAll;
                }

                var (bytes, _) = await HttpResponseReader.ReadBoundedAsync(response.Content, RobotsMaxBytes, linked.Token);
                return RobotsTxt.Parse(Encoding.UTF8.GetString(bytes), options.RobotsProductToken);
            }
        }
        catch (Exception)
        {
            return RobotsTxt.AllowAll;
        }
    }
}
