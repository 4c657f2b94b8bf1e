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
        blocks = WithoutGluedSections(blocks);
        var lines = new Lines(blocks);
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

        DropHead(lines, drop);
        DropTrailer(lines, drop);

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

    /// <summary>
    /// The blocks with what the passes ask of each line made once: its marker key and whether it is
    /// prose (every pass asks again, and a page has hundreds of lines).
    /// </summary>
    private sealed class Lines(IReadOnlyList<Block> blocks)
    {
        private const byte Keyed = 1;
        private const byte Judged = 2;
        private const byte IsProseLine = 4;

        private readonly string?[] _keys = new string?[blocks.Count];
        private readonly byte[] _state = new byte[blocks.Count];

        public IReadOnlyList<Block> Blocks => blocks;

        public int Count => blocks.Count;

        public string Text(int i) => blocks[i].Text;

        /// <summary>The line's <see cref="BoilerplateRules.MarkerKey"/>.</summary>
        public string? Key(int i)
        {
            if ((_state[i] & Keyed) == 0)
            {
                _keys[i] = BoilerplateRules.MarkerKey(blocks[i].Text);
                _state[i] |= Keyed;
            }

            return _keys[i];
        }

        /// <summary><see cref="BlockFilter.IsProse"/> of the line.</summary>
        public bool Prose(int i)
        {
            if ((_state[i] & Judged) == 0)
            {
                _state[i] |= (byte)(Judged | (IsProse(blocks[i].Text) ? IsProseLine : 0));
            }

            return (_state[i] & IsProseLine) != 0;
        }
    }

    // What hangs under a label in the same box of a text dump. Without blank lines the box is not
    // known: then it reaches a few lines down, and a line followed by a paragraph is taken for that
    // paragraph's subheading, not for furniture.
    private void DropGroupedFurniture(Lines lines, bool[] drop, int end)
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
    private static bool FollowedByProse(Lines lines, int j) =>
        j + 1 < lines.Count && lines.Prose(j + 1) && (lines.Blocks[j].Group < 0 || SameGroup(lines.Blocks, j, j + 1));

    // Judges lines [from, to) by the boilerplate rules.
    private void Judge(Lines lines, bool[] drop, int from, int to, ref string? author)
    {
        for (var i = from; i < to; i++)
        {
            JudgeLine(lines, drop, i, ref author);
        }
    }

    private void JudgeLine(Lines lines, bool[] drop, int i, ref string? author)
    {
        if (rules.Reason(lines.Text(i), lines.Key(i)) is not null)
        {
            drop[i] = true;
            author ??= BoilerplateRules.Author(lines.Text(i));
        }
    }

    // Judges lines until the first tail marker after a kept paragraph; returns that marker's index (or the count).
    private int FirstTail(Lines lines, bool[] drop, ref string? author)
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
    private int TailStart(Lines lines, bool[] drop)
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
    private static bool EarlyMarker(Lines lines, bool[] drop, int marker)
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

    // Before the first real paragraph, lines of one to three words are navigation, kickers and
    // consent buttons ("Mediathek", "Alle akzeptieren"); headings (Markdown #, HTML h1-h6) stay.
    private static void DropHead(Lines lines, bool[] drop)
    {
        var blocks = lines.Blocks;
        var first = FirstProse(lines, drop);
        for (var i = 0; i < first; i++)
        {
            if (!drop[i] && blocks[i].Kind != BlockKind.Heading && IsShortLine(blocks[i].Text))
            {
                drop[i] = true;
            }
        }
    }

    // After the last real paragraph: if any trailing line is boilerplate, the whole trailer is.
    private static void DropTrailer(Lines lines, bool[] drop)
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

    // A sentence of six words or more in the body's voice: capitalised, ending in a full stop (not a heading or link).
    private static bool IsClosingSentence(Block block)
    {
        var t = block.Text.Trim();
        return block.Kind == BlockKind.Paragraph && t.Length > 0 && char.IsUpper(t[0]) && t[^1] is '.' or '!' or '?'
            && LineShapes.Words(t) >= 6;
    }

    private static int FirstProse(Lines lines, bool[] drop)
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

    private static bool SameGroup(IReadOnlyList<Block> blocks, int i, int j) =>
        j < blocks.Count && blocks[i].Group >= 0 && blocks[i].Group == blocks[j].Group;

    /// <summary>One to three words that do not end like a sentence: a menu entry, button or kicker.</summary>
    internal static bool IsShortLine(string text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && t[^1] is not ('.' or '!' or '?' or '“' or '"' or '»') && LineShapes.Words(t) <= 3;
    }

    // Sentence ends inside a text ("... Ende. Der ..."), counted up to at most.
    private static int SentenceEnds(ReadOnlySpan<char> t, int atMost)
    {
        var n = 0;
        for (var i = 1; i + 2 < t.Length && n < atMost; i++)
        {
            if (t[i] is '.' or '!' or '?' && t[i + 1] == ' ' && char.IsUpper(t[i + 2]) && char.IsLower(t[i - 1]))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>A real paragraph: 100 characters or more, a dozen words, ending like a sentence.</summary>
    internal static bool IsProse(string text)
    {
        var t = text.AsSpan().TrimEnd();
        if (t.Length < 100)
        {
            return false;
        }

        // A long run of sentences is prose even when a caption or teaser word trails it (a flattened dump).
        if (t[^1] is not ('.' or '!' or '?' or '“' or '"' or '»' or ')' or ':'))
        {
            return t.Length >= BoilerplateRules.ArticleLineChars && SentenceEnds(t, 3) >= 3;
        }

        // Words are counted until there are enough.
        var words = 0;
        var inWord = false;
        foreach (var c in t)
        {
            if (char.IsLetter(c))
            {
                if (!inWord && ++words >= 12)
                {
                    return true;
                }

                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
        }

        return false;
    }
}
