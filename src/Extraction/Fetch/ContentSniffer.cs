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
        if (utf16)
        {
            // Half the bytes of Latin text in UTF-16 are NUL: control characters are counted in code units.
            return Utf16Problem(bytes[2..], bigEndian: head[0] == 0xFE);
        }

        if (head.IndexOf((byte)0) >= 0)
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

    // The same checks as for bytes, on the code units of UTF-16 text (after its byte order mark).
    private static string? Utf16Problem(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var units = bytes.Length / 2;
        var head = Math.Min(units, 4096);
        var control = 0;
        for (var i = 0; i < head; i++)
        {
            var c = Unit(bytes, i, bigEndian);
            if (c < 0x09 || (c > 0x0D && c < 0x20))
            {
                control++;
            }
        }

        if (control > head / 20)
        {
            return "binary content (control characters), not a text or HTML page";
        }

        for (var i = 0; i < units; i++)
        {
            if (Unit(bytes, i, bigEndian) is not (' ' or '\t' or '\r' or '\n'))
            {
                return null;
            }
        }

        return units == 0 ? "empty file" : "empty file (whitespace only)";

        static int Unit(ReadOnlySpan<byte> bytes, int i, bool bigEndian) =>
            bigEndian ? (bytes[2 * i] << 8) | bytes[(2 * i) + 1] : bytes[2 * i] | (bytes[(2 * i) + 1] << 8);
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
