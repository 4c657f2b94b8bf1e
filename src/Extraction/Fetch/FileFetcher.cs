namespace Extraction.Fetch;

/// <summary>Reads an article file from disk, refusing empty, oversized and binary files.</summary>
public sealed class FileFetcher(long maxBytes = FileFetcher.DefaultMaxBytes) : IDocumentFetcher
{
    /// <summary>Largest file read, 10 MB, the same cap as for HTTP bodies.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private const int ChunkBytes = 64 * 1024;

    /// <inheritdoc/>
    public async Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        try
        {
            var info = new FileInfo(item.Location);
            if (!info.Exists)
            {
                return FetchOutcome.Fail(item.ArticleId, "no such file");
            }

            if (info.Length > maxBytes)
            {
                return FetchOutcome.Fail(item.ArticleId, $"file too large ({info.Length} bytes, limit {maxBytes})");
            }

            bytes = await ReadBoundedAsync(item.Location, cancellationToken);
            if (bytes is null)
            {
                // The size on disk said otherwise: the file grew, or it is a device that never ends.
                return FetchOutcome.Fail(item.ArticleId, $"file too large (more than {maxBytes} bytes read, limit {maxBytes})");
            }
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

    // Reads at most maxBytes; null when there is more. Memory stays bounded by the limit whatever the file claims.
    private async Task<byte[]?> ReadBoundedAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
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
