using System.Buffers;
using System.Net.Http.Headers;

namespace Extraction.Fetch;

/// <summary>What one HTTP request for one URL came to; the retry and breaker decide on these values.</summary>
internal abstract record HttpHop(Uri Url);

/// <summary>An accepted body.</summary>
internal sealed record HopDocument(Uri Url, byte[] Content, DocumentFormat Format, string? Charset) : HttpHop(Url)
{
    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public string? MediaType { get; init; }
}

/// <summary>A 304 to a conditional request.</summary>
internal sealed record HopNotModified(Uri Url) : HttpHop(Url);

/// <summary>A 301/302/303/307/308 with its raw Location.</summary>
internal sealed record HopRedirect(Uri Url, Uri Location) : HttpHop(Url);

/// <summary>Any other non-success status; RetryAfter is the server's wish, already turned into a delay.</summary>
internal sealed record HopStatus(Uri Url, int StatusCode, string ReasonPhrase, TimeSpan? RetryAfter) : HttpHop(Url)
{
    /// <summary>408, 429 and 5xx may go away when asked again.</summary>
    public bool IsTransient => StatusCode is 408 or 429 or >= 500;

    public override string ToString() => $"HTTP {StatusCode} {ReasonPhrase}".TrimEnd();
}

/// <summary>A response refused for what it is (type, size, shape); asking again would not help.</summary>
internal sealed record HopRejected(Uri Url, string Reason) : HttpHop(Url);

/// <summary>Turns one response into an <see cref="HttpHop"/>, reading the body as a bounded stream.</summary>
internal static class HttpResponseReader
{
    private const int ChunkSize = 16 * 1024;

    public static async Task<HttpHop> ReadAsync(
        HttpResponseMessage response, Uri requested, long maxBytes, DateTimeOffset now, CancellationToken cancellationToken, bool anyContentType = false, bool conditional = false)
    {
        // A handler that follows redirects itself reports where it ended up here.
        var url = response.RequestMessage?.RequestUri ?? requested;
        var code = (int)response.StatusCode;

        if (code is 301 or 302 or 303 or 307 or 308)
        {
            return response.Headers.Location is { } location
                ? new HopRedirect(url, location)
                : new HopRejected(url, $"HTTP {code} {ReasonOf(response)} without a Location header");
        }

        if (code == 304 && conditional)
        {
            return new HopNotModified(url);
        }

        if (code is < 200 or >= 300)
        {
            return new HopStatus(url, code, ReasonOf(response), RetryAfterOf(response.Headers, now));
        }

        var contentType = response.Content.Headers.ContentType;
        var mediaType = contentType?.MediaType?.ToLowerInvariant();
        if (!anyContentType && mediaType is not (null or "" or "text/html" or "application/xhtml+xml" or "text/plain" or "text/markdown"))
        {
            return new HopRejected(url, $"content type {mediaType} is not HTML or text");
        }

        DocumentFormat? format = mediaType switch
        {
            "text/html" or "application/xhtml+xml" => DocumentFormat.Html,
            "text/plain" or "text/markdown" => DocumentFormat.Text,
            _ => null,
        };

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return new HopRejected(url, $"response larger than {maxBytes} bytes");
        }

        var (body, complete) = await ReadBoundedAsync(response.Content, maxBytes, cancellationToken);
        if (!complete)
        {
            return new HopRejected(url, $"response larger than {maxBytes} bytes");
        }

        var charset = contentType?.CharSet?.Trim().Trim('"', '\'');
        return new HopDocument(url, body, format ?? Sniff(url, body), string.IsNullOrEmpty(charset) ? null : charset)
        {
            ETag = response.Headers.ETag?.ToString(),
            LastModified = response.Content.Headers.LastModified,
            MediaType = string.IsNullOrEmpty(mediaType) ? null : mediaType,
        };
    }

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/>; Complete is false when the body had more, and then the bytes
    /// returned are the first maxBytes (robots.txt keeps them, a page is refused).
    /// </summary>
    public static async Task<(byte[] Bytes, bool Complete)> ReadBoundedAsync(
        HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        var initialCapacity = (int)Math.Min(declared is > 0 ? declared.Value : ChunkSize, maxBytes);
        using var buffer = new MemoryStream(initialCapacity);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                var room = maxBytes - buffer.Length;
                if (read > room)
                {
                    buffer.Write(chunk, 0, (int)room);
                    return (buffer.ToArray(), false);
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Retry-After as delta seconds or an HTTP date; a date in the past means now.</summary>
    public static TimeSpan? RetryAfterOf(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string ReasonOf(HttpResponseMessage response)
    {
        if (!string.IsNullOrWhiteSpace(response.ReasonPhrase))
        {
            return response.ReasonPhrase;
        }

        // HTTP/2 carries no reason phrase; the enum name spelled out ("NotFound" -> "Not Found") stands in.
        var name = Enum.IsDefined(response.StatusCode) ? response.StatusCode.ToString() : string.Empty;
        return string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
    }

    // With no Content-Type, a .html/.htm path or a body that opens with '<' is HTML; anything else is text.
    private static DocumentFormat Sniff(Uri url, byte[] body)
    {
        var path = url.AbsolutePath;
        if (path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentFormat.Html;
        }

        ReadOnlySpan<byte> bytes = body;
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        bytes = bytes.TrimStart(" \t\r\n"u8);
        return !bytes.IsEmpty && bytes[0] == (byte)'<' ? DocumentFormat.Html : DocumentFormat.Text;
    }
}
