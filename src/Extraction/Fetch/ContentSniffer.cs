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
        if (KnownBinary(head) is { } kind)
        {
            return $"{kind}, not a text or HTML page";
        }

        var utf16 = head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
        if (!utf16 && head.IndexOf((byte)0) >= 0)
        {
            return "binary content (NUL bytes), not a text or HTML page";
        }

        // Control bytes are counted only when there are any (two vectorised searches settle most pages).
        var control = 0;
        if (head.IndexOfAnyInRange((byte)0x00, (byte)0x08) >= 0 || head.IndexOfAnyInRange((byte)0x0E, (byte)0x1F) >= 0)
        {
            foreach (var b in head)
            {
                if (b < 0x09 || (b > 0x0D && b < 0x20))
                {
                    control++;
                }
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

    // File signatures of what most often hides behind a wrong extension.
    private static string? KnownBinary(ReadOnlySpan<byte> head) => head switch
    {
        _ when head.StartsWith("%PDF"u8) => "a PDF document",
        [0x89, 0x50, 0x4E, 0x47, ..] => "a PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
        _ when head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8) => "a GIF image",
        _ when head.StartsWith("RIFF"u8) && head.Length >= 12 && head[8..12].SequenceEqual("WEBP"u8) => "a WebP image",
        [0x50, 0x4B, 0x03, 0x04, ..] => "a ZIP archive (or an Office document)",
        [0x1F, 0x8B, ..] => "a gzip-compressed file",
        [0x7F, 0x45, 0x4C, 0x46, ..] => "an executable (ELF)",
        _ => null,
    };
}
