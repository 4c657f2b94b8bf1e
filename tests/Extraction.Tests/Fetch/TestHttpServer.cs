using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extraction.Tests.Fetch;

/// <summary>A real Kestrel server on 127.0.0.1 (free port) whose endpoints inject the faults the fetcher must survive.</summary>
public sealed class TestHttpServer : IAsyncLifetime
{
    public const string Robots = """
        User-agent: *
        Disallow: /

        User-agent: ExtractionBot
        Disallow: /private/
        Allow: /private/open
        """;

    public const string PageHtml = "<html><body><p>Hallo Welt</p></body></html>";
    public const int BigBodyBytes = 4096;

    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly Lock _waitersLock = new();
    private readonly List<(string Key, int Count, TaskCompletionSource Reached)> _waiters = [];
    private WebApplication? _app;

    /// <summary>Base address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>host:port as the circuit breaker names it.</summary>
    public string HostKey => new Uri(BaseUrl).Authority;

    /// <summary>User-Agent of the latest request per endpoint family ("robots", "page").</summary>
    public ConcurrentDictionary<string, string> UserAgents { get; } = new(StringComparer.Ordinal);

    /// <summary>Accept header of the latest request to /page ("page") and to /page?feed ("feed").</summary>
    public ConcurrentDictionary<string, string> Accepts { get; } = new(StringComparer.Ordinal);

    /// <summary>Cookie header of the n-th request to /cookie/{id}, keyed "{id}/{n}" (empty when none was sent).</summary>
    public ConcurrentDictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public string Url(string path) => BaseUrl + path;

    public int Hits(string key) => _hits.GetValueOrDefault(key);

    public int MaxInFlight(string key) => _maxInFlight.GetValueOrDefault(key);

    public int InFlight(string key) => _inFlight.GetValueOrDefault(key);

    /// <summary>
    /// Completes once <paramref name="key"/> has had <paramref name="count"/> requests: tests wait for what the
    /// server saw instead of for time to pass (the bound only keeps a broken test from hanging the suite).
    /// </summary>
    public Task WaitForHitsAsync(string key, int count)
    {
        lock (_waitersLock)
        {
            if (Hits(key) >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((key, count, reached));
            return reached.Task.WaitAsync(Support.TimerClock.HangGuard);
        }
    }

    /// <summary>Lets <paramref name="count"/> requests held at /gate/{id} answer.</summary>
    public void Open(string id, int count) => Gate(id).Release(count);

    private SemaphoreSlim Gate(string id) => _gates.GetOrAdd(id, _ => new SemaphoreSlim(0));

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private int Hit(string key)
    {
        var hits = _hits.AddOrUpdate(key, 1, (_, n) => n + 1);
        lock (_waitersLock)
        {
            _waiters.RemoveAll(w =>
            {
                if (w.Key != key || hits < w.Count)
                {
                    return false;
                }

                w.Reached.TrySetResult();
                return true;
            });
        }

        return hits;
    }

    private static Task WriteAsync(HttpContext context, string contentType, string body, Encoding? encoding = null)
    {
        context.Response.ContentType = contentType;
        return context.Response.Body.WriteAsync((encoding ?? Encoding.UTF8).GetBytes(body)).AsTask();
    }

    private static async Task HangAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, which is what the test wants.
        }
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/robots.txt", (HttpContext c) =>
        {
            Hit("robots");
            UserAgents["robots"] = c.Request.Headers.UserAgent.ToString();
            return WriteAsync(c, "text/plain", Robots);
        });

        app.MapGet("/page", (HttpContext c) =>
        {
            Hit("page");
            UserAgents["page"] = c.Request.Headers.UserAgent.ToString();
            Accepts[c.Request.Query.ContainsKey("feed") ? "feed" : "page"] = c.Request.Headers.Accept.ToString();
            return WriteAsync(c, "text/html; charset=utf-8", PageHtml);
        });

        app.MapGet("/page/{id}", (HttpContext c, string id) => WriteAsync(c, "text/html; charset=utf-8", $"<p>{id}</p>"));
        app.MapGet("/private/{name}", (HttpContext c, string name) =>
        {
            Hit("private/" + name);
            return WriteAsync(c, "text/html", $"<p>{name}</p>");
        });
        app.MapGet("/text", (HttpContext c) => WriteAsync(c, "text/plain; charset=utf-8", "plain words"));
        app.MapGet("/markdown", (HttpContext c) => WriteAsync(c, "text/markdown", "# Title"));
        app.MapGet("/xhtml", (HttpContext c) => WriteAsync(c, "application/xhtml+xml", "<html/>"));
        app.MapGet("/latin1", (HttpContext c) => WriteAsync(c, "text/html; charset=iso-8859-1", "<p>Grüße</p>", Encoding.Latin1));
        app.MapGet("/pdf", (HttpContext c) => WriteAsync(c, "application/pdf", "%PDF-1.4\n%âãÏÓ\n"));

        // A declared type against first bytes that say the other thing: markup types with a body opening in words,
        // text types with a body opening with '<'.
        app.MapGet("/typed/{kind}", (HttpContext c, string kind) => kind switch
        {
            "html" => WriteAsync(c, "text/html", "Kurz gemeldet: <b>Die Stadt baut.</b>"),
            "xhtml" => WriteAsync(c, "application/xhtml+xml", "Kurz gemeldet: <b>Die Stadt baut.</b>"),
            "plain" => WriteAsync(c, "text/plain", "<Entwurf> Die Stadt baut."),
            _ => WriteAsync(c, "text/markdown", "<!-- Notiz --> Die Stadt baut."),
        });

        // No Content-Type at all: the fetcher decides from the path and the first bytes.
        app.MapGet("/untyped/{name}", (HttpContext c, string name) =>
            c.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(name switch
            {
                _ when name.StartsWith("markup", StringComparison.Ordinal) => "\n  <p>hi</p>",
                "bom-markup" => "\uFEFF<p>hi</p>",
                _ => "hello",
            })).AsTask());

        // A charset parameter that is there but empty.
        app.MapGet("/empty-charset", (HttpContext c) => WriteAsync(c, "text/html; charset=\"\"", PageHtml));

        app.MapGet("/flaky/{id}", (HttpContext c, string id) =>
        {
            if (Hit("flaky/" + id) == 1)
            {
                c.Response.StatusCode = 500;
                return Task.CompletedTask;
            }

            return WriteAsync(c, "text/html", PageHtml);
        });

        app.MapGet("/always500/{id}", (HttpContext c, string id) =>
        {
            Hit("always500/" + id);
            c.Response.StatusCode = 500;
            return Task.CompletedTask;
        });

        app.MapGet("/status/{code:int}/{id}", (HttpContext c, int code, string id) =>
        {
            Hit($"status/{code}/{id}");
            c.Response.StatusCode = code;
            return Task.CompletedTask;
        });

        app.MapGet("/limited/{id}", (HttpContext c, string id) =>
        {
            if (Hit("limited/" + id) == 1)
            {
                c.Response.StatusCode = 429;
                c.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            return WriteAsync(c, "text/html", PageHtml);
        });

        app.MapGet("/limited-long/{id}", (HttpContext c, string id) =>
        {
            Hit("limited-long/" + id);
            c.Response.StatusCode = 429;
            c.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });

        app.MapGet("/limited-always/{seconds:int}/{id}", (HttpContext c, int seconds, string id) =>
        {
            Hit("limited-always/" + id);
            c.Response.StatusCode = 429;
            c.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        // 304 whatever the request asked: a broken server, or a cache in front of one.
        app.MapGet("/always-304", (HttpContext c) =>
        {
            c.Response.StatusCode = 304;
            return Task.CompletedTask;
        });

        // Sets a cookie on every answer and notes whether the request brought one back.
        app.MapGet("/cookie/{id}", (HttpContext c, string id) =>
        {
            var hit = Hit("cookie/" + id);
            Cookies[$"{id}/{hit}"] = c.Request.Headers.Cookie.ToString();
            c.Response.Headers.SetCookie = "sitzung=abc123; Path=/";
            return WriteAsync(c, "text/html", PageHtml);
        });

        app.MapGet("/hang/{id}", (HttpContext c, string id) =>
        {
            Hit("hang/" + id);
            return HangAsync(c);
        });

        app.MapGet("/trickle/{id}", async (HttpContext c, string id) =>
        {
            c.Response.ContentType = "text/html";
            await c.Response.StartAsync(c.RequestAborted);
            try
            {
                for (var i = 0; i < 50; i++)
                {
                    await c.Response.Body.WriteAsync("<p>x</p>"u8.ToArray(), c.RequestAborted);
                    await c.Response.Body.FlushAsync(c.RequestAborted);
                    if (i == 1)
                    {
                        // Counted once the headers and a part of the body are out: the client is reading the body.
                        Hit("trickle/" + id);
                    }

                    await Task.Delay(200, c.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The client gave up.
            }
        });

        app.MapGet("/big", () => Results.Bytes(Encoding.ASCII.GetBytes(new string('a', BigBodyBytes)), "text/html"));

        app.MapGet("/big-chunked", async c =>
        {
            c.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(new string('b', 512));
            try
            {
                for (var i = 0; i < BigBodyBytes / chunk.Length; i++)
                {
                    await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
                    await c.Response.Body.FlushAsync(c.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The client stopped reading at its limit.
            }
        });

        app.MapGet("/loop/{n:int}", (int n) => Results.Redirect($"/loop/{n + 1}"));
        app.MapGet("/chain/{n:int}", (int n) => n > 0 ? Results.Redirect($"/chain/{n - 1}") : Results.Text(PageHtml, "text/html"));
        app.MapGet("/to-ftp", () => Results.Redirect("ftp://127.0.0.1/file.html"));
        app.MapGet("/to-private", () => Results.Redirect("/private/secret"));
        app.MapGet("/redirect-without-location", (HttpContext c) =>
        {
            c.Response.StatusCode = 302;
            return Task.CompletedTask;
        });

        // Held until the test opens the gate, so a test sees how many requests the client has open at once.
        app.MapGet("/gate/{id}", async (HttpContext c, string id) =>
        {
            var now = _inFlight.AddOrUpdate(id, 1, (_, n) => n + 1);
            _maxInFlight.AddOrUpdate(id, now, (_, max) => Math.Max(max, now));
            Hit("gate/" + id);
            try
            {
                await Gate(id).WaitAsync(c.RequestAborted);
            }
            finally
            {
                _inFlight.AddOrUpdate(id, 0, (_, n) => n - 1);
            }

            await WriteAsync(c, "text/html", PageHtml);
        });
    }
}
