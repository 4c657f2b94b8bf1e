using Extraction.Clean;

namespace Extraction.Tests.Clean;

public sealed class DeduplicatorTests
{
    private const string Body = "Der Konzern investiert rund zehn Milliarden Euro in Dresden. Die Produktion soll 2027 beginnen. "
        + "Rund 2.000 Menschen sollen dort arbeiten.";

    [Fact]
    public void Deduplicate_BodyRepeatedInsideOneLongLine_EachSentenceOnce()
    {
        var (blocks, removed) = Deduplicator.Deduplicate([new Block($"{Body} {Body} {Body}", BlockKind.Paragraph)]);

        Assert.Equal(Body, Assert.Single(blocks).Text);
        Assert.Equal(6, removed);
    }

    [Fact]
    public void Deduplicate_RepeatedParagraphWithUniqueSentence_KeepsTheUniqueSentence()
    {
        var extra = "Der Landtag muss noch zustimmen, bevor die Fördermittel fließen.";

        var (blocks, _) = Deduplicator.Deduplicate(
            [new Block(Body, BlockKind.Paragraph), new Block($"{Body} {extra}", BlockKind.Paragraph)]);

        Assert.Equal([Body, extra], blocks.Select(b => b.Text));
    }

    [Fact]
    public void Deduplicate_HeadingGluedToRepeatedBody_Dropped()
    {
        var heading = "Chipfabrik in Dresden wächst";

        var (blocks, _) = Deduplicator.Deduplicate(
            [new Block(heading, BlockKind.Heading), new Block(Body, BlockKind.Paragraph), new Block($"{heading} {Body}", BlockKind.Paragraph)]);

        Assert.Equal([heading, Body], blocks.Select(b => b.Text));
    }

    [Fact]
    public void Deduplicate_ShortLinesRepeatedInsideParagraphs_Kept()
    {
        // "Ja." twice in prose is not a duplicate block: only whole short blocks repeat.
        var (blocks, _) = Deduplicator.Deduplicate(
            [new Block("Ja. Das Werk kommt nach Dresden, sagte der Minister.", BlockKind.Paragraph), new Block("Ja. Die Kosten steigen aber weiter an, so der Verband.", BlockKind.Paragraph)]);

        Assert.Equal(2, blocks.Count);
        Assert.StartsWith("Ja.", blocks[1].Text, StringComparison.Ordinal);
    }
}
