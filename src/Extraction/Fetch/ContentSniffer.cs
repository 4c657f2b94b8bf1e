namespace Extraction.Fetch;

/// <summary>Refuses bytes that cannot be an article: empty, whitespace only, or binary.</summary>
public static class ContentSniffer
{
    /// <summary>Why the bytes are not an article, or null when they may be one.</summary>
    public static string? Problem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return "empty file";
        }

        var head = bytes[..Math.Min(bytes.Length, 8192)];
        var utf16 = head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
        if (!utf16 && head.IndexOf((byte)0) >= 0)
        {
            return "binary content (NUL bytes), not a text or HTML page";
        }

        if (head.StartsWith("%PDF"u8))
        {
            return "a PDF document, not a text or HTML page";
        }

        var control = 0;
        foreach (var b in head)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                control++;
            }
        }

        if (control > head.Length / 20)
        {
            return "binary content (control bytes), not a text or HTML page";
        }

        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return null;
            }
        }

        return "empty file (whitespace only)";
    }
}
