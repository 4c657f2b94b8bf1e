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
        Assert.StartsWith("2 added, 1 removed, 1 changed; 5 articles changed\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("~ [cccccccccccc] investment Microsoft: 3,3 Mrd. EUR (was [aaaaaaaaaaaa], same sentence)\n    value: 3,2 Mrd. EUR -> 3,3 Mrd. EUR\n",
            text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("+ [dddddddddddd] hardware xAI: 100.000 H100-GPUs", text, StringComparison.Ordinal);
        Assert.Contains("- [bbbbbbbbbbbb] investment Intel: ≈ 30 Mrd. EUR", text, StringComparison.Ordinal);
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
