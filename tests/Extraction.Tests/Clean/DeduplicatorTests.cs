using Extraction.Clean;
using Extraction.Text;
using FsCheck.Xunit;

namespace Extraction.Tests.Clean;

public sealed class DeduplicatorTests
{
    private const string Body = "Der Konzern investiert rund zehn Milliarden Euro in Dresden. Die Produktion soll 2027 beginnen. "
        + "Rund 2.000 Menschen sollen dort arbeiten.";

    [Theory]
    [InlineData(" Der Rat stimmt im Mai ab. Die Kosten trägt das Land.")]
    [InlineData("Der Rat stimmt im Mai ab. Die Kosten trägt das Land. ")]
    [InlineData("Der Rat stimmt im Mai ab.  Die Kosten trägt das Land.")]
    public void Deduplicate_SentencesNotJoinedBySingleSpaces_JoinedAgain(string text)
    {
        var (blocks, removed) = Deduplicator.Deduplicate([new Block(text, BlockKind.Paragraph)]);

        Assert.Equal("Der Rat stimmt im Mai ab. Die Kosten trägt das Land.", Assert.Single(blocks).Text);
        Assert.Equal(0, removed);
    }

    [Fact]
    public void Deduplicate_BlankBlock_DroppedAndCounted()
    {
        var (blocks, removed) = Deduplicator.Deduplicate([new Block("   ", BlockKind.Paragraph), new Block("Die Kosten trägt das Land.", BlockKind.Paragraph)]);

        Assert.Equal(["Die Kosten trägt das Land."], blocks.Select(b => b.Text));
        Assert.Equal(1, removed);
    }

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

    // A pool of distinct sentences; a fixed-width number up front keeps any key from being a prefix of another.
    private static readonly string[] Pool = Enumerable.Range(0, 30)
        .Select(i => $"Satz {i:000} berichtet, dass der Betreiber {i * 7 % 13} Hallen für neue Server plant.")
        .ToArray();

    [Property(MaxTest = 300)]
    public bool Deduplicate_AnyRepeatsAcrossAndInsideBlocks_KeepsEverySentenceExactlyOnceInOrder(byte[] picks, byte[] cuts)
    {
        // Sentences picked from the pool (with repeats), cut into blocks at arbitrary points.
        var sentences = picks.Select(p => Pool[p % Pool.Length]).ToList();
        var blocks = new List<Block>();
        var at = 0;
        foreach (var cut in cuts.Append((byte)255))
        {
            var take = Math.Min(1 + (cut % 5), sentences.Count - at);
            if (take <= 0)
            {
                break;
            }

            blocks.Add(new Block(string.Join(' ', sentences.Skip(at).Take(take)), BlockKind.Paragraph));
            at += take;
        }

        if (at < sentences.Count)
        {
            blocks.Add(new Block(string.Join(' ', sentences.Skip(at)), BlockKind.Paragraph));
        }

        var (kept, _) = Deduplicator.Deduplicate(blocks);

        var output = kept.SelectMany(b => SentenceSplitter.Split(b.Text).Select(s => b.Text.Substring(s.Start, s.Length)));
        return output.SequenceEqual(sentences.Distinct());
    }
}
