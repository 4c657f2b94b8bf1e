using System.Text;
using System.Text.RegularExpressions;

namespace Extraction.Fetch;

/// <summary>
/// Turns bytes into text: BOM first, then the transport's charset, then an HTML meta charset,
/// then UTF-8 if the bytes are valid UTF-8 (or UTF-8 with a few broken bytes), else Windows-1252
/// (the superset of ISO-8859-1 that browsers use for it). A declared UTF-8 that the bytes
/// contradict is ignored, so a mislabelled Latin-1 page does not turn into replacement characters.
/// </summary>
public static partial class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes; <paramref name="encodingName"/> says which encoding was used and why.</summary>
    public static string Decode(byte[] bytes, string? declaredCharset, DocumentFormat format, out string encodingName)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            encodingName = "utf-8 (BOM)";
            return Utf8Lenient.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encodingName = "utf-16le (BOM)";
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encodingName = "utf-16be (BOM)";
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        // A source that says UTF-8 but is not is decoded by detection below instead.
        if (Lookup(declaredCharset) is { } declared && TryDecode(declared, bytes, out var text))
        {
            encodingName = declared.WebName + " (declared by server)";
            return text;
        }

        if (format == DocumentFormat.Html && Lookup(SniffMetaCharset(bytes)) is { } meta && TryDecode(meta, bytes, out text))
        {
            encodingName = meta.WebName + " (meta charset)";
            return text;
        }

        if (TryDecodeUtf8(bytes, out text))
        {
            encodingName = "utf-8 (detected)";
            return text;
        }

        var (valid, invalid) = CountUtf8Sequences(bytes);
        if (valid > 0 && valid >= invalid)
        {
            // Mostly UTF-8 with some broken bytes (a truncated copy, a bad edit): decoding it as
            // Windows-1252 would garble every umlaut; replace the broken bytes instead.
            encodingName = $"utf-8 (detected; {invalid} invalid byte sequences replaced)";
            return Utf8Lenient.GetString(bytes);
        }

        encodingName = "windows-1252 (detected: not valid UTF-8)";
        return Encoding.GetEncoding(1252).GetString(bytes);
    }

    /// <summary>
    /// Why decoded text is garbage rather than a page, or null: when more than a third of its visible
    /// characters are Latin-1/Windows-1252 high characters or replacement characters, the bytes were
    /// binary data or an encoding no detection path knows (real German text stays under 5%).
    /// </summary>
    public static string? Garbled(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 64 * 1024));

        // Every odd character is non-ASCII, and ASCII white space is at or below ' ': when the non-ASCII
        // characters cannot make a third of what is certainly visible (any real page), the text is not
        // garbled, whatever they are. Both counts come from one vectorised pass.
        var (low, nonAscii) = CountLowAndNonAscii(sample);
        if (nonAscii * 3 <= sample.Length - low - nonAscii)
        {
            return null;
        }

        // Otherwise count exactly: ASCII white space with vectorised counts, and jump from one
        // non-ASCII character to the next.
        var whiteSpace = 0;
        foreach (var w in AsciiWhiteSpace)
        {
            whiteSpace += sample.Count(w);
        }

        var odd = 0;
        var rest = sample;
        int i;
        while ((i = rest.IndexOfAnyExceptInRange('\0', '\u007F')) >= 0)
        {
            var c = rest[i];
            if (char.IsWhiteSpace(c))
            {
                whiteSpace++;
            }
            else if (c is >= '\u0080' and <= '\u00FF' or '\uFFFD' || Windows1252Specials.Contains(c))
            {
                odd++;
            }

            rest = rest[(i + 1)..];
        }

        var visible = sample.Length - whiteSpace;
        return visible >= 50 && odd * 3 > visible
            ? $"text is garbled: {odd * 100 / visible}% of its characters are stray high bytes (binary data or an unknown encoding)"
            : null;
    }

    /// <summary>Characters at or below ' ' (U+0020), and characters above U+007F, counted a vector at a time.</summary>
    internal static (int Low, int NonAscii) CountLowAndNonAscii(ReadOnlySpan<char> text)
    {
        var low = 0;
        var high = 0;
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && text.Length >= System.Numerics.Vector<ushort>.Count)
        {
            var chars = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(text);
            var space = new System.Numerics.Vector<ushort>(0x20);
            var ascii = new System.Numerics.Vector<ushort>(0x7F);
            var lanes = System.Numerics.Vector<ushort>.Count;

            // A lane's mask is 0xFFFF, so each chunk adds 1 per character counted; chunks of at most
            // 0x7FFF vectors keep the per-lane sums from overflowing.
            while (i <= chars.Length - lanes)
            {
                var lows = System.Numerics.Vector<ushort>.Zero;
                var highs = System.Numerics.Vector<ushort>.Zero;
                var end = Math.Min(chars.Length - lanes, i + (0x7FFF * lanes));
                for (; i <= end; i += lanes)
                {
                    var v = new System.Numerics.Vector<ushort>(chars[i..]);
                    lows -= System.Numerics.Vector.LessThanOrEqual(v, space);
                    highs -= System.Numerics.Vector.GreaterThan(v, ascii);
                }

                for (var lane = 0; lane < lanes; lane++)
                {
                    low += lows[lane];
                    high += highs[lane];
                }
            }
        }

        for (; i < text.Length; i++)
        {
            low += text[i] <= ' ' ? 1 : 0;
            high += text[i] > '\u007F' ? 1 : 0;
        }

        return (low, high);
    }

    private static readonly char[] AsciiWhiteSpace =
        Enumerable.Range(0, 128).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray();

    // The rarer characters Windows-1252 puts at 0x80-0x9F (quotes, dashes and € are common in real text).
    private static readonly System.Buffers.SearchValues<char> Windows1252Specials =
        System.Buffers.SearchValues.Create("ƒ†‡ˆ‰Š‹ŒŽ˜™š›œžŸ");

    /// <summary>Valid multi-byte UTF-8 sequences and invalid ones (ASCII counts as neither).</summary>
    internal static (int Valid, int Invalid) CountUtf8Sequences(ReadOnlySpan<byte> bytes)
    {
        var valid = 0;
        var invalid = 0;
        while (!bytes.IsEmpty)
        {
            bytes = bytes[IndexOfNonAscii(bytes)..];
            if (bytes.IsEmpty)
            {
                break;
            }

            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid++;
            }

            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return (valid, invalid);
    }

    private static int IndexOfNonAscii(ReadOnlySpan<byte> bytes)
    {
        var i = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        return i < 0 ? bytes.Length : i;
    }

    private static readonly UTF8Encoding Utf8Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Decodes with the encoding; UTF-8 only when the bytes are valid UTF-8 (checked while decoding, in one pass).
    private static bool TryDecode(Encoding encoding, byte[] bytes, out string text)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return TryDecodeUtf8(bytes, out text);
        }

        text = encoding.GetString(bytes);
        return true;
    }

    private static bool TryDecodeUtf8(byte[] bytes, out string text)
    {
        try
        {
            text = Utf8Strict.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static Encoding? Lookup(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();

        // As browsers do (WHATWG Encoding): Latin-1 labels mean Windows-1252.
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "iso8859-1" or "us-ascii" or "ascii")
        {
            name = "windows-1252";
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Finds &lt;meta charset&gt; or http-equiv Content-Type in the first 4 KB.</summary>
    internal static string? SniffMetaCharset(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var m = MetaCharset().Match(head);
        return m.Success ? m.Groups["cs"].Value : null;
    }

    // <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<cs>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
