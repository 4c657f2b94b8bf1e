namespace Extraction.Clean;

/// <summary>
/// The passes of <see cref="BlockFilter"/> at the edges of the text: the short navigation lines before its
/// first paragraph, the trailer after its last one when any of it is marked, and a web page's dangling end.
/// </summary>
internal static class PageEdges
{
    // A list item among at least three in a row (of the blocks still kept): a list of the text (ingredients,
    // key figures), where a lone item is a byline or date set as one.
    private static bool InListRun(IReadOnlyList<Block> blocks, bool[] drop, int i)
    {
        if (blocks[i].Kind != BlockKind.ListItem)
        {
            return false;
        }

        var from = i;
        while (from > 0 && !drop[from - 1] && blocks[from - 1].Kind == BlockKind.ListItem)
        {
            from--;
        }

        var to = i;
        while (to + 1 < blocks.Count && !drop[to + 1] && blocks[to + 1].Kind == BlockKind.ListItem)
        {
            to++;
        }

        return to - from + 1 >= MinListRun;
    }

    private const int MinListRun = 3;

    // Before the first real paragraph, lines of one to three words are navigation, kickers and
    // consent buttons ("Mediathek", "Alle akzeptieren"); headings (Markdown #, HTML h1-h6) stay, and so
    // do the items of a list of three or more (ingredients, key figures).
    internal static void DropHead(BlockLines lines, bool[] drop)
    {
        var blocks = lines.Blocks;
        var first = FirstProse(lines, drop);
        for (var i = 0; i < first; i++)
        {
            if (!drop[i] && blocks[i].Kind != BlockKind.Heading && ProseShape.IsShortLine(blocks[i].Text)
                && !InListRun(blocks, drop, i))
            {
                drop[i] = true;
            }
        }
    }

    // After the last real paragraph: if any trailing line is boilerplate, the whole trailer is.
    internal static void DropTrailer(BlockLines lines, bool[] drop)
    {
        var blocks = lines.Blocks;
        var lastProse = -1;
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            if (!drop[i] && lines.Prose(i))
            {
                lastProse = i;
                break;
            }
        }

        if (lastProse < 0)
        {
            return;
        }

        var firstMarked = -1;
        for (var k = lastProse + 1; k < blocks.Count && firstMarked < 0; k++)
        {
            firstMarked = drop[k] && blocks[k].Text.Trim().Length > 0 ? k : -1;
        }

        if (firstMarked < 0)
        {
            return;
        }

        // A closing sentence of the article too short to count as a paragraph ("Kritiker bemängeln,
        // dass ...") stays when it comes before the first marked line; whatever else trails goes.
        var k0 = lastProse + 1;
        while (k0 < firstMarked && IsClosingSentence(blocks[k0]))
        {
            k0++;
        }

        for (var k = k0; k < blocks.Count; k++)
        {
            drop[k] = true;
        }
    }

    // What still closes the text after its last sentence is furniture the passes above did not know:
    // a lone heading ("Tags", "Autoren:"), a tag run, a share button, a byline. Short lines that do
    // not end like a sentence go from the end up; the first line that does stops it, and something stays.
    internal static void DropDanglingEnd(BlockLines lines, bool[] drop)
    {
        var blocks = lines.Blocks;
        var last = -1;
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            if (drop[i])
            {
                continue;
            }

            if (last >= 0 && !ProseShape.IsDangling(blocks[last].Text))
            {
                return;
            }

            if (last >= 0)
            {
                drop[last] = true;
            }

            last = i;
        }
    }


    // A sentence of six words or more in the body's voice: capitalised, ending in a full stop (not a heading or link).
    private static bool IsClosingSentence(Block block)
    {
        var t = block.Text.Trim();
        return block.Kind == BlockKind.Paragraph && t.Length > 0 && char.IsUpper(t[0]) && t[^1] is '.' or '!' or '?'
            && LineShapes.Words(t) >= 6;
    }

    private static int FirstProse(BlockLines lines, bool[] drop)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!drop[i] && lines.Prose(i))
            {
                return i;
            }
        }

        return 0;
    }
}
