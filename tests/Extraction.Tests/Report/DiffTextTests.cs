using Extraction.Report;

namespace Extraction.Tests.Report;

public sealed class DiffTextTests
{
    [Fact]
    public async Task WriteAsync_Plain_HasNoEscapeCodes()
    {
        using var o = new StringWriter();
        await DiffText.WriteAsync(o, DiffSamples.Mixed(), color: false);

        var text = o.ToString();
        Assert.DoesNotContain('\u001b', text);
        Assert.StartsWith("2 added, 1 removed, 1 changed\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("    amount: 3200000000 EUR (exact) -> 3300000000 EUR (exact)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Color_MarksAddedGreenRemovedRed()
    {
        using var o = new StringWriter();
        await DiffText.WriteAsync(o, DiffSamples.Mixed(), color: true);

        var text = o.ToString();
        Assert.Contains("\u001b[32m+ [dddddddddddd]", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[31m- [bbbbbbbbbbbb]", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[33m~ [cccccccccccc]", text, StringComparison.Ordinal);
    }
}
