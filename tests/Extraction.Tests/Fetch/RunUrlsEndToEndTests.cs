using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Extraction.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Extraction.Tests.Fetch;

/// <summary>
/// `extract run --urls FILE` against a real server on 127.0.0.1, with each HTTP option seen where it
/// acts: on the server (User-Agent, robots.txt asked or not, requests at once per host, attempts,
/// how long a request was kept open) and in the run's failures (size, redirects, timeouts).
/// </summary>
public sealed class RunUrlsEndToEndTests : IAsyncLifetime
{
    private const string UserAgent = "Pruefbot/2.0 (Testlauf)";
    private const int Articles = 6;
    private const int PerHost = 2;

    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _agents = [];
    private readonly ConcurrentBag<TimeSpan> _slowHeldOpen = [];
    private readonly TaskCompletionSource _slowAborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private int _inFlight;
    private int _maxInFlight;
    private WebApplication? _app;
    private string _base = "";

    private static string ArticleHtml(int n) =>
        $"<html><head><title>Meldung {n}</title></head><body><article><h1>Meldung {n}</h1>" +
        $"<p>Die Gemeindewerke Nummer {n} investieren {10 + n} Millionen Euro in ein neues Rechenzentrum am Stadtrand, das im kommenden Jahr den Betrieb aufnehmen soll.</p>" +
        "<p>Der Bau beginnt im Frühjahr; die Werke rechnen mit einer Bauzeit von vierzehn Monaten und mit vierzig neuen Stellen vor Ort.</p>" +
        "</article></body></html>";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(async (c, next) =>
        {
            _agents.Add(c.Request.Headers.UserAgent.ToString());
            _hits.AddOrUpdate(c.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            await next(c);
        });
        _app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /\n", "text/plain"));
        _app.MapGet("/artikel/{n:int}", async (HttpContext c, int n) =>
        {
            int now;
            lock (_gate)
            {
                now = ++_inFlight;
                _maxInFlight = Math.Max(_maxInFlight, now);
            }

            try
            {
                // Hold each request until a third one is open or a second has passed: with the limit
                // kept, two are open at a time; without it, a third comes while these wait.
                var held = Stopwatch.StartNew();
                while (held.Elapsed < TimeSpan.FromSeconds(1) && Volatile.Read(ref _inFlight) <= PerHost)
                {
                    await Task.Delay(20, c.RequestAborted);
                }

                c.Response.ContentType = "text/html; charset=utf-8";
                await c.Response.WriteAsync(ArticleHtml(n));
            }
            finally
            {
                lock (_gate)
                {
                    _inFlight--;
                }
            }
        });
        _app.MapGet("/gross", () => Results.Text("<html><body><p>" + new string('x', 5000) + "</p></body></html>", "text/html"));
        _app.MapGet("/umweg2", () => Results.Redirect("/umweg1"));
        _app.MapGet("/umweg1", () => Results.Redirect("/artikel/1"));
        _app.MapGet("/wackelig", (HttpContext c) =>
        {
            c.Response.Headers.RetryAfter = "0";
            return Results.StatusCode(503);
        });
        _app.MapGet("/langsam", async (HttpContext c) =>
        {
            var open = Stopwatch.StartNew();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                _slowHeldOpen.Add(open.Elapsed);
                _slowAborted.TrySetResult();
            }
        });
        await _app.StartAsync();
        _base = _app.Urls.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static async Task<(int Code, JsonElement Run)> Run(CliRunner.TempDir tmp, IEnumerable<string> urls, params string[] options)
    {
        var list = tmp.File("urls.txt", "# Testliste\n" + string.Join('\n', urls) + "\n");
        var outDir = Path.Combine(tmp.Path, "out");
        var (code, _, err) = await CliRunner.Run(["run", "--urls", list, "--out", outDir, "--no-store", "--quiet", .. options]);
        Assert.True(File.Exists(Path.Combine(outDir, "run.json")), err);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json")));
        return (code, json.RootElement.Clone());
    }

    private static Dictionary<string, string> Failures(JsonElement run) =>
        run.GetProperty("failures").EnumerateArray().ToDictionary(f => f.GetProperty("input").GetString()!, f => f.GetProperty("reason").GetString()!);

    [Fact]
    public async Task RunUrls_HttpOptions_EachSeenAtTheServerOrInTheFailures()
    {
        using var tmp = CliRunner.Temp();
        var articles = Enumerable.Range(1, Articles).Select(n => $"{_base}/artikel/{n}").ToList();

        var (code, run) = await Run(
            tmp,
            [.. articles, _base + "/gross", _base + "/umweg2", _base + "/wackelig"],
            "--user-agent", UserAgent, "--ignore-robots", "--per-host", PerHost.ToString(), "--concurrency", "8", "--parallelism", "4",
            "--max-bytes", "3000", "--max-redirects", "1", "--retries", "2");

        Assert.Equal(1, code);
        Assert.Equal(Articles, run.GetProperty("counts").GetProperty("articles").GetInt32());
        var failures = Failures(run);
        Assert.Equal(3, failures.Count);
        Assert.Equal("response larger than 3000 bytes", failures[_base + "/gross"]);
        Assert.Equal("too many redirects (2 > 1)", failures[_base + "/umweg2"]);
        Assert.Equal("HTTP 503 Service Unavailable (3 attempts)", failures[_base + "/wackelig"]);

        Assert.Equal(3, _hits.GetValueOrDefault("/wackelig"));              // --retries 2: once and twice more
        Assert.Equal(0, _hits.GetValueOrDefault("/robots.txt"));            // --ignore-robots: not even asked (it disallows all)
        Assert.All(_agents, a => Assert.Equal(UserAgent, a));               // --user-agent on every request
        Assert.Equal(PerHost, _maxInFlight);                                // --per-host: reached, never passed
        Assert.Equal(1, _hits.GetValueOrDefault("/umweg1"));                // --max-redirects 1: the second redirect is not followed
        Assert.Equal(1, _hits.GetValueOrDefault("/artikel/1"));             // so its target is asked only for itself
    }

    [Fact]
    public async Task RunUrls_Timeout_CutsTheAttemptTheServerWouldHoldFor30s()
    {
        using var tmp = CliRunner.Temp();

        var (code, run) = await Run(tmp, [_base + "/langsam"], "--timeout", "1", "--retries", "0", "--total-timeout", "30", "--ignore-robots");

        Assert.Equal(1, code);
        Assert.Equal("timed out after 1 s (1 attempt)", Failures(run)[_base + "/langsam"]);
        // The server sees the client close the request (it records only aborted ones) a moment after
        // the client gave up, long before its 30 s.
        await _slowAborted.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var held = Assert.Single(_slowHeldOpen);
        Assert.InRange(held, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Assert.Equal(1, _hits.GetValueOrDefault("/langsam"));
    }

    [Fact]
    public async Task RunUrls_TotalTimeout_EndsTheUrlAcrossRetries()
    {
        using var tmp = CliRunner.Temp();

        // Five retries of 1 s attempts would take over 5 s; the 2 s budget ends them after one or two.
        var (code, run) = await Run(tmp, [_base + "/langsam"], "--timeout", "1", "--total-timeout", "2", "--retries", "5", "--ignore-robots");

        Assert.Equal(1, code);
        Assert.Matches(@"^timed out after 2 s in total \([12] attempts?\)$", Failures(run)[_base + "/langsam"]);
        Assert.InRange(_hits.GetValueOrDefault("/langsam"), 1, 2);
    }

    [Fact]
    public async Task RunUrls_TotalTimeoutShorterThanTimeout_UsageErrorBeforeAnyRequest()
    {
        using var tmp = CliRunner.Temp();
        var list = tmp.File("urls.txt", _base + "/artikel/1\n");

        var (code, _, err) = await CliRunner.Run("run", "--urls", list, "--out", Path.Combine(tmp.Path, "out"), "--timeout", "20", "--total-timeout", "1");

        Assert.Equal(2, code);
        Assert.Contains("TotalTimeout", err, StringComparison.Ordinal);
        Assert.Empty(_hits);
    }

    [Fact]
    public async Task RunUrls_WithoutIgnoreRobots_AsksRobotsTxtAndObeysIt()
    {
        using var tmp = CliRunner.Temp();

        var (code, run) = await Run(tmp, [_base + "/artikel/3"], "--user-agent", UserAgent);

        Assert.Equal(1, code);
        Assert.Equal("blocked by robots.txt", Failures(run)[_base + "/artikel/3"]);
        Assert.Equal(1, _hits.GetValueOrDefault("/robots.txt"));
        Assert.Equal(0, _hits.GetValueOrDefault("/artikel/3"));
    }
}
