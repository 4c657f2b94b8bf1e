using System.Text;
using Extraction.Fetch;

namespace Extraction.Tests.Fetch;

/// <summary>Bytes that cannot be an article are named for what they are; text in any encoding passes.</summary>
public sealed class ContentSnifferTests
{
    private static byte[] WithText(byte[] head) => [.. head, .. Encoding.ASCII.GetBytes(" und danach Text, der wie eine Seite aussieht.")];

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "a PDF document")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "a PNG image")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "a JPEG image")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x37, 0x61 }, "a GIF image")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "a GIF image")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0x24, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50 }, "a WebP image")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "a ZIP archive (or an Office document)")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08 }, "a gzip-compressed file")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46 }, "an executable (ELF)")]
    public void Problem_FileSignature_NamesTheKind(byte[] head, string kind) =>
        Assert.Equal($"{kind}, not a text or HTML page", ContentSniffer.Problem(WithText(head)));

    [Fact]
    public void Problem_WebPHeaderAndNothingElse_NamesTheKind() =>
        Assert.Equal("a WebP image, not a text or HTML page", ContentSniffer.Problem("RIFF1234WEBP"u8));

    [Theory]
    [InlineData("RIFF")]
    [InlineData("RIFF1234WEB")]
    [InlineData("RIFF1234WAVE")]
    [InlineData("Format: WEBP")]
    [InlineData("GIF88a")]
    [InlineData("%PD")]
    public void Problem_TextLikeASignatureButNotOne_Passes(string start) =>
        Assert.Null(ContentSniffer.Problem(Encoding.ASCII.GetBytes(start + " gefolgt von gewöhnlichem Text.")));

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xFE, 0xFF })]
    public void Problem_Utf16WithByteOrderMark_NotTakenForBinary(byte[] bom)
    {
        var encoding = bom[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;

        Assert.Null(ContentSniffer.Problem([.. bom, .. encoding.GetBytes("<p>Die Stadtwerke investieren 5 Millionen Euro.</p>")]));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF })]
    [InlineData(new byte[] { 0xFE, 0xFE })]
    [InlineData(new byte[] { 0xFE })]
    public void Problem_NulBytesWithoutAByteOrderMark_Binary(byte[] start) =>
        Assert.Equal("binary content (NUL bytes), not a text or HTML page",
            ContentSniffer.Problem([.. start, .. Encoding.Unicode.GetBytes("<p>Text in UTF-16 ohne Kennung.</p>")]));

    [Fact]
    public void Problem_OneNulByteAtTheVeryStart_Binary() =>
        Assert.Equal("binary content (NUL bytes), not a text or HTML page",
            ContentSniffer.Problem([0x00, .. Encoding.ASCII.GetBytes("Danach folgt ein langer, ganz gewoehnlicher Satz ueber den Haushalt.")]));

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x08)]
    [InlineData(0x0E)]
    [InlineData(0x1F)]
    public void Problem_ControlBytesOverOneInTwenty_Binary(int control)
    {
        // 100 bytes, 6 of them control bytes: over the 5 tolerated.
        var bytes = Encoding.ASCII.GetBytes(new string('x', 94)).Concat(Enumerable.Repeat((byte)control, 6)).ToArray();

        Assert.Equal("binary content (control bytes), not a text or HTML page", ContentSniffer.Problem(bytes));
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x1F)]
    public void Problem_ControlBytesAtTheStart_Counted(int control)
    {
        var bytes = Enumerable.Repeat((byte)control, 6).Concat(Encoding.ASCII.GetBytes(new string('x', 94))).ToArray();

        Assert.Equal("binary content (control bytes), not a text or HTML page", ContentSniffer.Problem(bytes));
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x1F)]
    public void Problem_ControlBytesUpToOneInTwenty_Passes(int control)
    {
        var bytes = Encoding.ASCII.GetBytes(new string('x', 95)).Concat(Enumerable.Repeat((byte)control, 5)).ToArray();

        Assert.Null(ContentSniffer.Problem(bytes));
    }

    [Fact]
    public void Problem_TabsLineBreaksAndSpaces_NotCountedAsControlBytes()
    {
        // 100 bytes with ten each of tab, carriage return, space and line feed and one control byte (which
        // makes the count run): only that one counts, against the 5 tolerated.
        var text = "Zeile" + new string('\t', 10) + new string('\r', 10) + new string(' ', 10) + new string('\n', 10) + new string('a', 54);
        var bytes = Encoding.ASCII.GetBytes(text).Append((byte)0x02).ToArray();

        Assert.Equal(100, bytes.Length);
        Assert.Null(ContentSniffer.Problem(bytes));
    }

    [Fact]
    public void Problem_ControlBytesAfterTheFirst8K_NotLookedAt()
    {
        var bytes = Encoding.ASCII.GetBytes(new string('x', 8192)).Concat(Enumerable.Repeat((byte)0x01, 5000)).ToArray();

        Assert.Null(ContentSniffer.Problem(bytes));
    }

    [Theory]
    [InlineData("", "empty file")]
    [InlineData(" \t\r\n ", "empty file (whitespace only)")]
    [InlineData(" \t\r\n x", null)]
    public void Problem_EmptyOrBlank_SaysWhich(string text, string? problem) =>
        Assert.Equal(problem, ContentSniffer.Problem(Encoding.ASCII.GetBytes(text)));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Problem_Utf16_ControlCharactersCountedInCodeUnits(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var mostlyText = encoding.GetPreamble().Concat(encoding.GetBytes(new string('x', 95) + new string('\u0001', 5))).ToArray();
        var binary = encoding.GetPreamble().Concat(encoding.GetBytes(new string('x', 94) + new string('\u0001', 6))).ToArray();

        Assert.Null(ContentSniffer.Problem(mostlyText));
        Assert.Equal("binary content (control characters), not a text or HTML page", ContentSniffer.Problem(binary));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Problem_Utf16BlankOrOnlyTheByteOrderMark_Empty(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);

        Assert.Equal("empty file", ContentSniffer.Problem(encoding.GetPreamble()));
        Assert.Equal("empty file (whitespace only)", ContentSniffer.Problem([.. encoding.GetPreamble(), .. encoding.GetBytes(" \r\n\t ")]));
        Assert.Null(ContentSniffer.Problem([.. encoding.GetPreamble(), .. encoding.GetBytes(" \r\n\t \u00e4")]));

        // A character whose two bytes differ from a space only in the high byte is no blank.
        Assert.Null(ContentSniffer.Problem([.. encoding.GetPreamble(), .. encoding.GetBytes(" \u0a20")]));
    }

    [Fact]
    public async Task CleanCommand_Utf16TextFile_ReadsTheText()
    {
        using var dir = new Extraction.Tests.Store.TempDir();
        var path = dir["brief.txt"];
        File.WriteAllBytes(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Die Stadtwerke Ulm investieren 5 Millionen Euro in ein neues Netz.\n")]);

        var (code, stdout, stderr) = await Extraction.Tests.Store.StoreTestSupport.Cli("clean", path);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("Die Stadtwerke Ulm investieren 5 Millionen Euro in ein neues Netz.", stdout, StringComparison.Ordinal);
    }
}
