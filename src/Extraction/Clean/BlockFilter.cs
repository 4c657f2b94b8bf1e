namespace Extraction.Clean;

/// <summary>
/// Drops boilerplate blocks in passes: marker lines, phrases and furniture shapes anywhere; the ad
/// under an ad label, the links under a "Passend dazu:" and the box under "Über den Autor" (text
/// dumps, by blank-line groups); everything after a tail marker; the short navigation lines before
/// the first real paragraph; and the trailer after the last real paragraph when any of it is marked.
/// </summary>
public sealed class BlockFilter(BoilerplateRules rules)
{
    /// <summary>The blocks kept, in order, and how many were dropped.</summary>
    public (List<Block> Kept, int Removed, string? Author) Filter(IReadOnlyList<Block> blocks)
    {
        var drop = new bool[blocks.Count];
        string? author = null;

        // Lines are judged up to the first tail marker after prose: a comment section is often most
        // of a saved page, and all of it goes. Should the boxes change where the tail starts (they
        // drop the prose before the marker), the rest of the lines are judged after all.
        var judged = FirstTail(blocks, drop, ref author);
        DropGroupedFurniture(blocks, drop, judged);
        var tail = TailStart(blocks, drop);
        if (tail > judged)
        {
            Judge(blocks, drop, judged, blocks.Count, ref author);
            DropGroupedFurniture(blocks, drop, blocks.Count);
            tail = TailStart(blocks, drop);
        }

        for (var k = tail; k < blocks.Count; k++)
        {
            drop[k] = true;
        }

        DropHead(blocks, drop);
        DropTrailer(blocks, drop);

        var kept = new List<Block>(blocks.Count);
        var removed = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (drop[i])
            {
                removed++;
            }
            else
            {
                kept.Add(blocks[i]);
            }
        }

        return (kept, removed, author);
    }

    // What hangs under a label in the same box of a text dump. Without blank lines the box is not
    // known: then it reaches a few lines down, and a line followed by a paragraph is taken for that
    // paragraph's subheading, not for furniture.
    private void DropGroupedFurniture(IReadOnlyList<Block> blocks, bool[] drop, int end)
    {
        for (var i = 0; i < end; i++)
        {
            var text = blocks[i].Text;
            if (rules.IsAdLabel(text))
            {
                // "Anzeige" and, right under it, the one line of ad copy.
                var j = i + 1;
                while (j < blocks.Count && InBox(blocks, i, j) && rules.IsAdLabel(blocks[j].Text))
                {
                    j++;
                }

                if (j < blocks.Count && InBox(blocks, i, j) && !IsProse(blocks[j].Text) && blocks[j].Kind != BlockKind.Heading
                    && !FollowedByProse(blocks, j))
                {
                    drop[j] = true;
                }
            }
            else if (rules.IsListIntro(text))
            {
                // "Passend dazu:" and the teaser headlines under it, up to the box's end or a paragraph.
                for (var j = i + 1; j < blocks.Count && InBox(blocks, i, j) && !IsProse(blocks[j].Text); j++)
                {
                    if (FollowedByProse(blocks, j))
                    {
                        break;
                    }

                    drop[j] = true;
                }
            }
            else if (rules.IsBoxStart(text))
            {
                // "Über den Autor": the rest of its box, or the one paragraph under a heading that stands alone.
                var j = i + 1;
                if (j < blocks.Count && SameGroup(blocks, i, j))
                {
                    for (; j < blocks.Count && SameGroup(blocks, i, j) && j <= i + MaxBoxLines; j++)
                    {
                        drop[j] = true;
                    }
                }
                else if (j < blocks.Count && blocks[j].Kind != BlockKind.Heading && (blocks[j].Group < 0 || !SameGroup(blocks, j, j + 1)))
                {
                    drop[j] = true;
                }
            }
        }
    }

    private const int MaxBoxLines = 8;

    // Block j is in the box that block i opens: the same blank-line group, or near enough when groups are unknown.
    private static bool InBox(IReadOnlyList<Block> blocks, int i, int j) =>
        blocks[i].Group < 0 ? j - i <= MaxBoxLines : SameGroup(blocks, i, j);

    // A line with a paragraph right under it (in its box) is that paragraph's subheading.
    private static bool FollowedByProse(IReadOnlyList<Block> blocks, int j) =>
        j + 1 < blocks.Count && IsProse(blocks[j + 1].Text) && (blocks[j].Group < 0 || SameGroup(blocks, j, j + 1));

    // Judges lines [from, to) by the boilerplate rules.
    private void Judge(IReadOnlyList<Block> blocks, bool[] drop, int from, int to, ref string? author)
    {
        for (var i = from; i < to; i++)
        {
            JudgeLine(blocks[i].Text, drop, i, ref author);
        }
    }

    private void JudgeLine(string text, bool[] drop, int i, ref string? author)
    {
        if (rules.Reason(text) is not null)
        {
            drop[i] = true;
            author ??= BoilerplateRules.Author(text);
        }
    }

    // Judges lines until the first tail marker after a kept paragraph; returns that marker's index (or the count).
    private int FirstTail(IReadOnlyList<Block> blocks, bool[] drop, ref string? author)
    {
        var seenProse = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            var text = blocks[i].Text;
            if (seenProse && rules.IsTailStart(text))
            {
                return i;
            }

            JudgeLine(text, drop, i, ref author);
            seenProse |= !drop[i] && IsProse(text);
        }

        return blocks.Count;
    }

    // A tail marker after some prose cuts the rest of the page: where it starts, or the count.
    private int TailStart(IReadOnlyList<Block> blocks, bool[] drop)
    {
        var seenProse = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!drop[i] && IsProse(blocks[i].Text))
            {
                seenProse = true;
            }

            if (seenProse && rules.IsTailStart(blocks[i].Text))
            {
                return i;
            }
        }

        return blocks.Count;
    }

    // Before the first real paragraph, lines of one to three words are navigation, kickers and
    // consent buttons ("Mediathek", "Alle akzeptieren"); headings (Markdown #, HTML h1-h6) stay.
    private static void DropHead(IReadOnlyList<Block> blocks, bool[] drop)
    {
        var first = FirstProse(blocks, drop);
        for (var i = 0; i < first; i++)
        {
            if (!drop[i] && blocks[i].Kind != BlockKind.Heading && IsShortLine(blocks[i].Text))
            {
                drop[i] = true;
            }
        }
    }

    // After the last real paragraph: if any trailing line is boilerplate, the whole trailer is.
    private static void DropTrailer(IReadOnlyList<Block> blocks, bool[] drop)
    {
        var lastProse = -1;
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            if (!drop[i] && IsProse(blocks[i].Text))
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

    // A sentence of six words or more in the body's voice: capitalised, ending in a full stop (not a heading or link).
    private static bool IsClosingSentence(Block block)
    {
        var t = block.Text.Trim();
        return block.Kind == BlockKind.Paragraph && t.Length > 0 && char.IsUpper(t[0]) && t[^1] is '.' or '!' or '?'
            && LineShapes.Words(t) >= 6;
    }

    private static int FirstProse(IReadOnlyList<Block> blocks, bool[] drop)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!drop[i] && IsProse(blocks[i].Text))
            {
                return i;
            }
        }

        return 0;
    }

    private static bool SameGroup(IReadOnlyList<Block> blocks, int i, int j) =>
        j < blocks.Count && blocks[i].Group >= 0 && blocks[i].Group == blocks[j].Group;

    /// <summary>One to three words that do not end like a sentence: a menu entry, button or kicker.</summary>
    internal static bool IsShortLine(string text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && t[^1] is not ('.' or '!' or '?' or '“' or '"' or '»') && LineShapes.Words(t) <= 3;
    }

    /// <summary>A real paragraph: 100 characters or more, a dozen words, ending like a sentence.</summary>
    internal static bool IsProse(string text)
    {
        var t = text.TrimEnd();
        if (t.Length < 100)
        {
            return false;
        }

        var words = 0;
        var inWord = false;
        foreach (var c in t)
        {
            if (char.IsLetter(c))
            {
                if (!inWord)
                {
                    words++;
                }

                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
        }

        var last = t[^1];
        return words >= 12 && last is '.' or '!' or '?' or '“' or '"' or '»' or ')' or ':';
    }
}
