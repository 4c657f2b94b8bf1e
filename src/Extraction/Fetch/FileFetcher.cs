namespace Extraction.Fetch;

/// <summary>Reads an article file from disk, refusing empty, oversized and binary files.</summary>
public sealed class FileFetcher(long maxBytes = FileFetcher.DefaultMaxBytes) : IDocumentFetcher
{
    /// <summary>Largest file read, 10 MB, the same cap as for HTTP bodies.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private const int ChunkBytes = 64 * 1024;

    /// <inheritdoc/>
    /// <remarks>
    /// Reads synchronously: a local file comes from the page cache in microseconds, and an
    /// asynchronous read on Linux is a blocking read on another pool thread plus two thread hops.
    /// </remarks>
    public Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Fetch(item));
    }

    private FetchOutcome Fetch(InputItem item)
    {
        if (SpecialFiles.Refusal(item.Location) is { } refusal)
        {
            return FetchOutcome.Fail(item.ArticleId, refusal);
        }

        byte[]? bytes;
        try
        {
            bytes = ReadBounded(item.Location, out var size);
            if (bytes is null)
            {
                return size > maxBytes
                    ? FetchOutcome.Fail(item.ArticleId, $"file too large ({size} bytes, limit {maxBytes})")

                    // The size on disk said otherwise: the file grew, or it is a device that never ends.
                    : FetchOutcome.Fail(item.ArticleId, $"file too large (more than {maxBytes} bytes read, limit {maxBytes})");
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return FetchOutcome.Fail(item.ArticleId, "no such file");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FetchOutcome.Fail(item.ArticleId, $"cannot read file: {ex.Message}");
        }

        var problem = ContentSniffer.Problem(bytes);
        if (problem is not null)
        {
            return FetchOutcome.Fail(item.ArticleId, problem);
        }

        var ext = Path.GetExtension(item.Location);
        var format = ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase)
            ? DocumentFormat.Html
            : DocumentFormat.Text;
        return FetchOutcome.Ok(new FetchedDocument(item, bytes, format, null, null));
    }

    // Reads at most maxBytes into an array of the file's size; null when there is more (size then
    // holds the size on disk). Memory stays bounded by the limit whatever the file claims.
    private byte[]? ReadBounded(string path, out long size)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        size = RandomAccess.GetLength(handle);
        if (size > maxBytes)
        {
            return null;
        }

        var bytes = new byte[size];
        var filled = 0;
        int read;
        while (filled < bytes.Length && (read = RandomAccess.Read(handle, bytes.AsSpan(filled), filled)) > 0)
        {
            filled += read;
        }

        // The usual case: exactly the size on disk, and nothing after it.
        Span<byte> probe = stackalloc byte[1];
        if (filled == bytes.Length && RandomAccess.Read(handle, probe, filled) == 0)
        {
            return bytes;
        }

        // Shorter or longer than announced (a file being written, a device of size 0): read in chunks up to the limit.
        return ReadChunks(handle, bytes.AsSpan(0, filled));
    }

    private byte[]? ReadChunks(Microsoft.Win32.SafeHandles.SafeFileHandle handle, ReadOnlySpan<byte> start)
    {
        using var buffer = new MemoryStream();
        buffer.Write(start);
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = RandomAccess.Read(handle, chunk, buffer.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
