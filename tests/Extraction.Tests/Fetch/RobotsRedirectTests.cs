using System.Net;
using System.Text;
using Extraction.Fetch;
using Extraction.Tests.Support;

namespace Extraction.Tests.Fetch;

/// <summary>robots.txt that moved (redirects followed up to five times, as RFC 9309 asks) or comes with another 2xx status.</summary>
public sealed class RobotsRedirectTests
{
    private static readonly HttpFetchOptions Options = new()
    {
        MaxRetries = 0,
        CircuitBreakerFailures = 0,
    };

    private const string Rules = "User-agent: *\nDisallow: /geheim\n";

    /// <summary>Answers robots.txt requests with <paramref name="robots"/> and every other path with a page; counts the robots requests.</summary>
    private sealed class Site(Func<string, HttpResponseMessage> robots) : HttpMessageHandler
    {
        private int _robots;

        public int RobotsRequests => _robots;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            HttpResponseMessage response;
            if (path.StartsWith("/robots", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _robots);
                response = robots(path);
            }
            else
            {
                response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<p>Die Seite.</p>", Encoding.UTF8, "text/html") };
            }

            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }

    private static HttpResponseMessage Moved(string to)
    {
        var r = new HttpResponseMessage(HttpStatusCode.MovedPermanently) { Content = new StringContent("") };
        r.Headers.Location = new Uri(to, UriKind.Relative);
        return r;
    }

    private static HttpResponseMessage Robots(HttpStatusCode code = HttpStatusCode.OK) => new(code) { Content = new StringContent(Rules) };

    private static async Task<(FetchOutcome Secret, FetchOutcome Open)> FetchBoth(Site site)
    {
        using var fetcher = new HttpFetcher(Options, new TimerClock(), site);
        var secret = await fetcher.FetchAsync(new InputItem("geheim", "http://zeitung.test/geheim", InputKind.Url), CancellationToken.None);
        var open = await fetcher.FetchAsync(new InputItem("offen", "http://zeitung.test/offen", InputKind.Url), CancellationToken.None);
        return (secret, open);
    }

    [Fact]
    public async Task FetchAsync_RobotsMovedOnce_ItsNewCopyApplies()
    {
        var site = new Site(path => path == "/robots.txt" ? Moved("/robots-neu.txt") : Robots());

        var (secret, open) = await FetchBoth(site);

        Assert.Equal("blocked by robots.txt", secret.Failure?.Reason);
        Assert.Null(open.Failure);
        Assert.Equal(2, site.RobotsRequests);
    }

    [Fact]
    public async Task FetchAsync_RobotsRedirectingForEver_FollowedFiveTimesThenAllowsAll()
    {
        var site = new Site(path => Moved(path + "x"));

        var (secret, open) = await FetchBoth(site);

        Assert.Null(secret.Failure);
        Assert.Null(open.Failure);
        Assert.Equal(6, site.RobotsRequests);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.NonAuthoritativeInformation)]
    public async Task FetchAsync_RobotsWithA2xxStatus_ItsRulesApply(HttpStatusCode code)
    {
        var site = new Site(_ => Robots(code));

        var (secret, open) = await FetchBoth(site);

        Assert.Equal("blocked by robots.txt", secret.Failure?.Reason);
        Assert.Null(open.Failure);
    }

    [Theory]
    [InlineData(HttpStatusCode.MultipleChoices)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task FetchAsync_RobotsMissingOrFailing_AllowsAll(HttpStatusCode code)
    {
        var site = new Site(_ => Robots(code));

        var (secret, _) = await FetchBoth(site);

        Assert.Null(secret.Failure);
    }
}
