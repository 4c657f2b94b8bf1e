namespace Extraction.Clean;

/// <summary>
/// Drops boilerplate blocks in passes: marker lines, phrases and furniture shapes anywhere; the ad
/// under an ad label, the links under a "Passend dazu:" and the box under "Über den Autor" (text
/// dumps, by blank-line groups); everything after a tail marker; the short navigation lines before
/// the first real paragraph; and the trailer after the last real paragraph when any of it is marked.
/// </summary>
public sealed class BlockFilter(BoilerplateRules rules)
{
    /// <summary>
    /// The blocks kept, in order, and how many were dropped. A web page (<paramref name="webPage"/>)
    /// also loses the short unpunctuated lines after its last sentence; a text dump keeps them.
    /// </summary>
    public (List<Block> Kept, int Removed, string? Author) Filter(IReadOnlyList<Block> blocks, bool webPage = false)
    {
        blocks = WithoutGluedSections(blocks);
        var lines = new BlockLines(blocks);
        var drop = new bool[blocks.Count];
        string? author = null;

        // Lines are judged up to the first tail marker after prose: a comment section is often most
        // of a saved page, and all of it goes. Should the boxes change where the tail starts (they
        // drop the prose before the marker), the rest of the lines are judged after all.
        var judged = FirstTail(lines, drop, ref author);
        DropGroupedFurniture(lines, drop, judged);
        var tail = TailStart(lines, drop);
        if (tail > judged)
        {
            Judge(lines, drop, judged, blocks.Count, ref author);
            DropGroupedFurniture(lines, drop, blocks.Count);
            tail = TailStart(lines, drop);
        }

        for (var k = tail; k < blocks.Count; k++)
        {
            drop[k] = true;
        }

        PageEdges.DropHead(lines, drop);
        PageEdges.DropTrailer(lines, drop);
        if (webPage)
        {
            PageEdges.DropDanglingEnd(lines, drop);
        }

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

    // A section label run into a headline by a flattened page goes; the headline stays.
    private IReadOnlyList<Block> WithoutGluedSections(IReadOnlyList<Block> blocks)
    {
        List<Block>? changed = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            var text = rules.WithoutGluedSection(blocks[i].Text);
            if (!ReferenceEquals(text, blocks[i].Text))
            {
                changed ??= [.. blocks];
                changed[i] = blocks[i] with { Text = text };
            }
        }

        return changed ?? blocks;
    }


    // What hangs under a label in the same box of a text dump. Without blank lines the box is not
    // known: then it reaches a few lines down, and a line followed by a paragraph is taken for that
    // paragraph's subheading, not for furniture.
    private void DropGroupedFurniture(BlockLines lines, bool[] drop, int end)
    {
        var blocks = lines.Blocks;
        for (var i = 0; i < end; i++)
        {
            var key = lines.Key(i);
            if (rules.IsAdLabelKey(key))
            {
                // "Anzeige" and, right under it, the one line of ad copy.
                var j = i + 1;
                while (j < blocks.Count && InBox(blocks, i, j) && rules.IsAdLabelKey(lines.Key(j)))
                {
                    j++;
                }

                if (j < blocks.Count && InBox(blocks, i, j) && !lines.Prose(j) && blocks[j].Kind != BlockKind.Heading
                    && !FollowedByProse(lines, j))
                {
                    drop[j] = true;
                }
            }
            else if (rules.IsListIntroKey(key))
            {
                // "Passend dazu:" and the teaser headlines under it, up to the box's end or a paragraph.
                for (var j = i + 1; j < blocks.Count && InBox(blocks, i, j) && !lines.Prose(j); j++)
                {
                    if (FollowedByProse(lines, j))
                    {
                        break;
                    }

                    drop[j] = true;
                }
            }
            else if (rules.IsBoxStartKey(key))
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
    private static bool FollowedByProse(BlockLines lines, int j) =>
        j + 1 < lines.Count && lines.Prose(j + 1) && (lines.Blocks[j].Group < 0 || SameGroup(lines.Blocks, j, j + 1));

    // Judges lines [from, to) by the boilerplate rules.
    private void Judge(BlockLines lines, bool[] drop, int from, int to, ref string? author)
    {
        for (var i = from; i < to; i++)
        {
            JudgeLine(lines, drop, i, ref author);
        }
    }

    private void JudgeLine(BlockLines lines, bool[] drop, int i, ref string? author)
    {
        if (rules.Reason(lines.Text(i), lines.Key(i)) is not null)
        {
            drop[i] = true;
            author ??= BoilerplateRules.Author(lines.Text(i));
        }
    }

    // Judges lines until the first tail marker after a kept paragraph; returns that marker's index (or the count).
    private int FirstTail(BlockLines lines, bool[] drop, ref string? author)
    {
        var seenProse = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (seenProse && rules.IsTailStartKey(lines.Key(i)))
            {
                if (!EarlyMarker(lines, drop, i))
                {
                    return i;
                }

                drop[i] = true;
                continue;
            }

            JudgeLine(lines, drop, i, ref author);
            seenProse |= !drop[i] && lines.Prose(i);
        }

        return lines.Count;
    }

    // A tail marker after some prose cuts the rest of the page: where it starts, or the count.
    private int TailStart(BlockLines lines, bool[] drop)
    {
        var seenProse = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!drop[i] && lines.Prose(i))
            {
                seenProse = true;
            }

            if (seenProse && rules.IsTailStartKey(lines.Key(i)) && !EarlyMarker(lines, drop, i))
            {
                return i;
            }
        }

        return lines.Count;
    }

    // A tail marker ("Meistgelesen") right under the teaser, with most of the article still below it, is
    // a box set into the page, not its end: the article so far is short and far more prose follows.
    private static bool EarlyMarker(BlockLines lines, bool[] drop, int marker)
    {
        var before = 0;
        for (var k = 0; k < marker; k++)
        {
            if (!drop[k] && lines.Prose(k))
            {
                before += lines.Text(k).Length;
            }
        }

        if (before >= EarlyMarkerMaxChars)
        {
            return false;
        }

        var after = 0;
        for (var k = marker + 1; k < lines.Count && after <= 2 * before; k++)
        {
            if (lines.Prose(k))
            {
                after += lines.Text(k).Length;
            }
        }

        return after > 2 * before;
    }

    private const int EarlyMarkerMaxChars = 500;

    private static bool SameGroup(IReadOnlyList<Block> blocks, int i, int j) =>
        j < blocks.Count && blocks[i].Group >= 0 && blocks[i].Group == blocks[j].Group;
}
