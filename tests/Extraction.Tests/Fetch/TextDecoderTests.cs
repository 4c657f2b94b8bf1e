using System.Text;
using System.Text.RegularExpressions;
using Extraction.Clean;
using Extraction.Fetch;
using Extraction.Tests.Clean;

namespace Extraction.Tests.Fetch;

/// <summary>
/// One test per decoding path (BOM, transport charset, meta charset, http-equiv, detection), run
/// through <see cref="ArticleCleaner.Clean"/> as the pipeline does, and no mojibake in any sample.
/// </summary>
public sealed partial class TextDecoderTests
{
    private const string German = "Die Förderung für Dresden: rund 10 Milliarden Euro – „ein Meilenstein“, sagt Müller.";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Windows1252 => Encoding.GetEncoding(1252);

    private static string Html(string head, string body = German) =>
        $"<!doctype html><html><head>{head}<title>Test</title></head><body><article><p>{body}</p></article></body></html>";

    private static (string Text, string Encoding) Decode(byte[] bytes, DocumentFormat format, string? declared = null)
    {
        var text = TextDecoder.Decode(bytes, declared, format, out var encoding);
        return (text, encoding);
    }

    [Fact]
    public void Decode_MoreBrokenThanValidSequences_ReadAsWindows1252()
    {
        // In Windows-1252, "Â©" is C2 A9: one valid UTF-8 sequence by chance, against three invalid ones (ü, ß, ö).
        const string sentence = "Grüße aus Köln, Â© Stadtarchiv";
        var (text, encoding) = Decode(Windows1252.GetBytes(sentence), DocumentFormat.Text);

        Assert.Equal(sentence, text);
        Assert.StartsWith("windows-1252", encoding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE }, "utf-16le (BOM)")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "utf-16be (BOM)")]
    public void Decode_ByteOrderMarkAlone_EmptyUtf16(byte[] bytes, string encoding) =>
        Assert.Equal(("", encoding), Decode(bytes, DocumentFormat.Text));

    [Theory]
    [InlineData("Aþ ist im Isländischen ein eigener Buchstabe.")]
    [InlineData("Aÿ kommt in alten französischen Namen vor.")]
    public void Decode_SecondByteAsInAByteOrderMark_NotTakenForUtf16(string sentence)
    {
        // In Windows-1252 þ is 0xFE and ÿ is 0xFF: a text may have either as its second byte without being UTF-16.
        var (text, encoding) = Decode(Windows1252.GetBytes(sentence), DocumentFormat.Text);

        Assert.Equal(sentence, text);
        Assert.DoesNotContain("utf-16", encoding, StringComparison.Ordinal);
    }

    private static (string Text, string Encoding) CleanBytes(byte[] bytes, DocumentFormat format, string? declared = null)
    {
        var item = new InputItem(format == DocumentFormat.Html ? "a.html" : "a.txt", "/nowhere/a", InputKind.File);
        var outcome = TestCorpus.Cleaner.Clean(new FetchedDocument(item, bytes, format, declared, null));
        Assert.True(outcome.Failure is null, outcome.Failure?.Reason);
        return (outcome.Article!.Text, outcome.Encoding!);
    }

    [Fact]
    public void Decode_Utf8Bom_StripsBomAndReadsUtf8()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(German)).ToArray();

        var (text, encoding) = CleanBytes(bytes, DocumentFormat.Text, declared: "iso-8859-1");

        Assert.Equal(German, text);
        Assert.Equal("utf-8 (BOM)", encoding);
    }

    [Fact]
    public void Decode_Utf16LittleEndianBom_ReadsUtf16()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Html(""))).ToArray();

        var (text, encoding) = CleanBytes(bytes, DocumentFormat.Html);

        Assert.Equal(German, text);
        Assert.Equal("utf-16le (BOM)", encoding);
    }

    [Fact]
    public void Decode_Utf16BigEndianBom_ReadsUtf16()
    {
        var bytes = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(German)).ToArray();

        var (text, encoding) = Decode(bytes, DocumentFormat.Text);

        Assert.Equal(German, text);
        Assert.Equal("utf-16be (BOM)", encoding);
    }

    [Fact]
    public void Decode_HttpCharset_UsesDeclaredCharsetOverMeta()
    {
        // The transport's charset outranks a (wrong) meta tag, as in browsers.
        var bytes = Windows1252.GetBytes(Html("<meta charset=\"utf-8\">"));

        var (text, encoding) = CleanBytes(bytes, DocumentFormat.Html, declared: "ISO-8859-1");

        Assert.Equal(German, text);
        Assert.Equal("windows-1252 (declared by server)", encoding);
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("latin1")]
    [InlineData("Latin-1")]
    [InlineData("iso8859-1")]
    [InlineData("us-ascii")]
    [InlineData("ascii")]
    public void Decode_Latin1OrAsciiLabel_ReadAsWindows1252(string label)
    {
        // As browsers do: 0x80 is the euro sign, not a C1 control (ISO-8859-1) or '?' (ASCII).
        var text = TextDecoder.Decode([0x80, (byte)' ', (byte)'5', 0x96, (byte)'6'], label, DocumentFormat.Text, out var encoding);

        Assert.Equal("\u20ac 5\u20136", text);
        Assert.Equal("windows-1252 (declared by server)", encoding);
    }

    [Fact]
    public void Decode_MetaCharset_UsesMetaCharset()
    {
        var bytes = Encoding.Latin1.GetBytes(Html("<meta charset=\"iso-8859-1\">", "Zürich: ungefähr 100 Mio Franken für «Alps»."));

        var (text, encoding) = CleanBytes(bytes, DocumentFormat.Html);

        Assert.Equal("Zürich: ungefähr 100 Mio Franken für «Alps».", text);
        Assert.Equal("windows-1252 (meta charset)", encoding);
    }

    [Fact]
    public void Decode_HttpEquivContentType_UsesItsCharset()
    {
        var head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">";
        var bytes = Windows1252.GetBytes(Html(head));

        var (text, encoding) = CleanBytes(bytes, DocumentFormat.Html);

        Assert.Equal(German, text);
        Assert.Equal("windows-1252 (meta charset)", encoding);
    }

    [Fact]
    public void Decode_UndeclaredWindows1252_DetectsWindows1252()
    {
        // „ “ – are 0x84 0x93 0x96 in Windows-1252: invalid as UTF-8, C1 controls in ISO-8859-1.
        var bytes = Windows1252.GetBytes(German);

        var (text, encoding) = CleanBytes(bytes, DocumentFormat.Text);

        Assert.Equal(German, text);
        Assert.Equal("windows-1252 (detected: not valid UTF-8)", encoding);
    }

    [Fact]
    public void Decode_UndeclaredUtf8_DetectsUtf8()
    {
        var (text, encoding) = CleanBytes(Encoding.UTF8.GetBytes(German), DocumentFormat.Text);

        Assert.Equal(German, text);
        Assert.Equal("utf-8 (detected)", encoding);
    }

    [Fact]
    public void Decode_MetaSaysUtf8ButBytesAreWindows1252_DetectsWindows1252()
    {
        var bytes = Windows1252.GetBytes(Html("<meta charset=\"utf-8\">"));

        var (text, encoding) = CleanBytes(bytes, DocumentFormat.Html);

        Assert.Equal(German, text);
        Assert.Equal("windows-1252 (detected: not valid UTF-8)", encoding);
    }

    [Fact]
    public void Decode_ServerSaysUtf8ButBytesAreWindows1252_DetectsWindows1252()
    {
        var (text, encoding) = Decode(Windows1252.GetBytes(German), DocumentFormat.Text, declared: "utf-8");

        Assert.Equal(German, text);
        Assert.Equal("windows-1252 (detected: not valid UTF-8)", encoding);
    }

    [Fact]
    public void Decode_Utf8WithBrokenBytes_KeepsUmlautsAndCountsReplacements()
    {
        // A truncated sequence (0xC3 at the end of a word) and a stray 0xFF in otherwise good UTF-8.
        var bytes = Encoding.UTF8.GetBytes("Förderung für Müller ").Concat(new byte[] { 0xC3, 0x20, 0xFF, 0x20 })
            .Concat(Encoding.UTF8.GetBytes("und Größe.")).ToArray();

        var (text, encoding) = Decode(bytes, DocumentFormat.Text);

        Assert.StartsWith("Förderung für Müller ", text, StringComparison.Ordinal);
        Assert.EndsWith("und Größe.", text, StringComparison.Ordinal);
        Assert.Equal("utf-8 (detected; 2 invalid byte sequences replaced)", encoding);
    }

    [Fact]
    public void Decode_UnknownDeclaredCharset_FallsBackToDetection()
    {
        var (text, encoding) = Decode(Encoding.UTF8.GetBytes(German), DocumentFormat.Text, declared: "x-no-such-charset");

        Assert.Equal(German, text);
        Assert.Equal("utf-8 (detected)", encoding);
    }

    public static TheoryData<string> Samples() =>
        new(Directory.EnumerateFiles(TestCorpus.SamplesDir)
            .Where(f => InputResolver.Extensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Clean_Sample_HasNoMojibake(string sample)
    {
        var article = await TestCorpus.CleanArticleAsync(Path.Combine(TestCorpus.SamplesDir, sample));

        var hit = Mojibake().Match(article.Title + "\n" + article.Text);

        Assert.False(hit.Success, $"{sample}: mojibake \"{hit.Value}\" in …{(hit.Success ? Context(article.Text, hit.Index) : "")}…");
        Assert.Matches("[äöüÄÖÜß]", article.Text);
    }

    private static string Context(string text, int at) => text[Math.Max(0, at - 40)..Math.Min(text.Length, at + 40)];

    // UTF-8 read as Latin-1/Windows-1252 ("fÃ¼r", "â€“", "Â "), and the replacement character.
    [GeneratedRegex("Ã[\u0080-\u00BF\u201A-\u203A\u0152-\u017E]|Â[\u0080-\u00BF]|â€|\uFFFD")]
    private static partial Regex Mojibake();

    [Fact]
    public void Garbled_NonAsciiWhiteSpace_NotCountedAsVisible()
    {
        // 40 letters, 30 stray high characters, 20 no-break spaces: 30 of 70 visible characters are stray
        // (over a third: garbled); counting the no-break spaces as visible would make it 30 of 90 (not).
        var text = new string('a', 40) + new string('\u00e4', 30) + new string('\u00a0', 20);

        Assert.Equal("text is garbled: 42% of its characters are stray high bytes (binary data or an unknown encoding)", TextDecoder.Garbled(text));
    }

    [Theory]
    [InlineData("Grüße")]
    [InlineData("Öl, Bär, Föhn, Tür, Maß.")]
    public void Garbled_ShortText_NeverGarbled(string text) => Assert.Null(TextDecoder.Garbled(text));

    [Theory]
    [InlineData('\u0080')]
    [InlineData('\u00ff')]
    [InlineData('\u0192')]
    [InlineData('\u2020')]
    [InlineData('\u0178')]
    [InlineData('\ufffd')]
    public void Garbled_StrayCharactersOfEveryKind_Counted(char stray)
    {
        // 60 letters and 40 stray characters: 40 of 100 visible is over a third.
        var text = new string('a', 60) + new string(stray, 40);

        Assert.Equal("text is garbled: 40% of its characters are stray high bytes (binary data or an unknown encoding)", TextDecoder.Garbled(text));
    }

    [Fact]
    public void CountLowAndNonAscii_EveryLength_AsCountedOneByOne()
    {
        var random = new Random(7);
        char[] pool = ['a', 'Z', ' ', '\t', '\n', '\u0001', '\u007f', '\u0080', 'ä', '€', '\u00a0'];
        for (var length = 0; length < 80; length++)
        {
            var text = new string(Enumerable.Range(0, length).Select(_ => pool[random.Next(pool.Length)]).ToArray());

            Assert.Equal((text.Count(c => c <= ' '), text.Count(c => c > '\u007f')), TextDecoder.CountLowAndNonAscii(text));
        }
    }

    [Theory]
    [InlineData("<html><head><title>ohne Angabe</title></head><body>Text</body></html>")]
    [InlineData("<meta name=\"description\" content=\"charset in einem Satz\">")]
    public void SniffMetaCharset_NoCharsetDeclared_Null(string html) =>
        Assert.Null(TextDecoder.SniffMetaCharset(Encoding.ASCII.GetBytes(html)));

    [Fact]
    public void Garbled_ManySpaces_StrayCharactersCountedAgainstTheVisibleOnly()
    {
        // 30 letters, 40 spaces, 30 stray characters: 30 of 60 visible characters are stray.
        var text = new string('a', 30) + new string(' ', 40) + new string('\u00e4', 30);

        Assert.Equal("text is garbled: 50% of its characters are stray high bytes (binary data or an unknown encoding)", TextDecoder.Garbled(text));
    }
}
