using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extraction.Tests.Feeds;

/// <summary>
/// A real Kestrel server on 127.0.0.1 serving feeds, sitemaps and pages that a test may change between runs. It
/// answers conditional requests (ETag, Last-Modified) with 304 and counts, per path, the requests and the 304s.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Resource> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _notModified = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Target, DateTimeOffset At)> _log = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public string Url(string path) => BaseUrl + path;

    /// <summary>Requests for a path (query ignored).</summary>
    public int Hits(string path) => _hits.GetValueOrDefault(path);

    /// <summary>Requests for a path answered 304.</summary>
    public int NotModified(string path) => _notModified.GetValueOrDefault(path);

    /// <summary>Every request target (path and query) in arrival order, with its time.</summary>
    public IReadOnlyList<(string Target, DateTimeOffset At)> Log => [.. _log];

    public static async Task<FeedServer> StartAsync()
    {
        var server = new FeedServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        server._app = builder.Build();
        server._app.Run(server.ServeAsync);
        await server._app.StartAsync();
        server.BaseUrl = server._app.Urls.Single().TrimEnd('/');
        return server;
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> with an ETag made from it and Last-Modified now.</summary>
    public void Set(string path, string contentType, string body, bool gzipEncoded = false, bool validators = true) =>
        SetBytes(path, contentType, Encoding.UTF8.GetBytes(body), gzipEncoded, validators);

    public void SetBytes(string path, string contentType, byte[] body, bool gzipEncoded = false, bool validators = true)
    {
        var etag = validators ? "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"" : null;
        var now = DateTimeOffset.UtcNow;
        var lastModified = validators ? new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero) : (DateTimeOffset?)null;
        _routes[path] = new Resource(200, contentType, gzipEncoded ? Gzip(body) : body, etag, lastModified, gzipEncoded);
    }

    /// <summary>Answers <paramref name="path"/> with a bare status code.</summary>
    public void SetStatus(string path, int status) => _routes[path] = new Resource(status, "text/plain", [], null, null, false);

    public static byte[] Gzip(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task ServeAsync(HttpContext c)
    {
        var path = c.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        _log.Enqueue((path + c.Request.QueryString.Value, DateTimeOffset.UtcNow));
        if (!_routes.TryGetValue(path, out var r))
        {
            c.Response.StatusCode = 404;
            return;
        }

        c.Response.StatusCode = r.Status;
        if (r.Status != 200)
        {
            return;
        }

        if (r.ETag is not null)
        {
            c.Response.Headers.ETag = r.ETag;
        }

        if (r.LastModified is { } modified)
        {
            c.Response.Headers.LastModified = modified.ToString("R");
        }

        var ifNoneMatch = c.Request.Headers.IfNoneMatch.ToString();
        var ifModifiedSince = c.Request.Headers.IfModifiedSince.ToString();
        var unchanged = ifNoneMatch.Length > 0
            ? r.ETag is not null && ifNoneMatch.Split(',').Any(t => t.Trim() == r.ETag)
            : ifModifiedSince.Length > 0 && r.LastModified is { } lm
              && DateTimeOffset.TryParse(ifModifiedSince, out var since) && lm <= since;
        if (unchanged)
        {
            _notModified.AddOrUpdate(path, 1, (_, n) => n + 1);
            c.Response.StatusCode = 304;
            return;
        }

        c.Response.ContentType = r.ContentType;
        if (r.GzipEncoded)
        {
            c.Response.Headers.ContentEncoding = "gzip";
        }

        await c.Response.Body.WriteAsync(r.Body);
    }

    private sealed record Resource(int Status, string ContentType, byte[] Body, string? ETag, DateTimeOffset? LastModified, bool GzipEncoded);
}
