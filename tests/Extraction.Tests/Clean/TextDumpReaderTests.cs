using Extraction.Clean;

namespace Extraction.Tests.Clean;

public sealed class TextDumpReaderTests
{
    [Fact]
    public void ReadWithMetadata_MarkdownFrontMatter_BecomesMetadataNotText()
    {
        var md = "---\ntitle: \"Europas Boom\"\ndate: 2025-10-17\nauthor: Lena Muster\nlayout: post\ncanonical_url: https://example.org/p/boom\n---\n\n# Europas Boom\n\nText.\n";

        var (blocks, meta) = TextDumpReader.ReadWithMetadata(md, markdown: true);

        Assert.Equal(["Europas Boom", "Text."], blocks.Select(b => b.Text));
        Assert.Equal(BlockKind.Heading, blocks[0].Kind);
        Assert.Equal(new PageMetadata("Europas Boom", "https://example.org/p/boom", "2025-10-17", "Lena Muster"), meta);
    }

    [Fact]
    public void ReadWithMetadata_FrontMatterWithoutClosingLine_ReadAsText()
    {
        var (blocks, meta) = TextDumpReader.ReadWithMetadata("---\ntitle: x\n", markdown: true);

        Assert.Equal(["title: x"], blocks.Select(b => b.Text));
        Assert.Null(meta.Title);
    }

    [Fact]
    public void Read_BlankLines_GroupLinesIntoBoxes()
    {
        var blocks = TextDumpReader.Read("a\nb\n\n\nc\n\nd\ne\n", markdown: false);

        Assert.Equal([0, 0, 1, 2, 2], blocks.Select(b => b.Group));
    }

    [Fact]
    public void Read_NoBlankLines_NoGroups()
    {
        var blocks = TextDumpReader.Read("a\nb\nc\n", markdown: false);

        Assert.All(blocks, b => Assert.Equal(-1, b.Group));
    }

    [Fact]
    public void Read_MarkdownLinksImagesAndEmphasis_ReducedToText()
    {
        var blocks = TextDumpReader.Read("![Bild](x.jpg)\n\n*Ein Newsletter über Chips*\n\n[Jetzt lesen](https://x) und **mehr**\n", markdown: true);

        Assert.Equal(["Ein Newsletter über Chips", "Jetzt lesen und mehr"], blocks.Select(b => b.Text));
    }
}
