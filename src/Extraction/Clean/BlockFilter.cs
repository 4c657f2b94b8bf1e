namespace Extraction.Clean;

/// <summary>
/// Drops boilerplate blocks: marker lines and phrases anywhere, everything after a tail marker,
/// and the short or marked lines that trail the last real paragraph.
/// </summary>
public sealed class BlockFilter(BoilerplateRules rules)
{
    /// <summary>The blocks kept, in order, and how many were dropped.</summary>
    public (List<Block> Kept, int Removed, string? Author) Filter(IReadOnlyList<Block> blocks)
    {
        var drop = new bool[blocks.Count];
        string? author = null;
        var lastProse = -1;
        for (var i = 0; i < blocks.Count; i++)
        {
            var text = blocks[i].Text;
            if (rules.Reason(text) is not null)
            {
                drop[i] = true;
                author ??= BoilerplateRules.Author(text);
                continue;
            }

            if (IsProse(text))
            {
                lastProse = i;
            }
        }

        // A tail marker after some prose cuts the rest of the page.
        var seenProse = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!drop[i] && IsProse(blocks[i].Text))
            {
                seenProse = true;
            }

            if (seenProse && rules.IsTailStart(blocks[i].Text))
            {
                for (var k = i; k < blocks.Count; k++)
                {
                    drop[k] = true;
                }

                lastProse = Math.Min(lastProse, i - 1);
                while (lastProse >= 0 && (drop[lastProse] || !IsProse(blocks[lastProse].Text)))
                {
                    lastProse--;
                }

                break;
            }
        }

        // After the last real paragraph: if any trailing line is boilerplate, the whole trailer is.
        if (lastProse >= 0)
        {
            var trailerMarked = false;
            for (var k = lastProse + 1; k < blocks.Count; k++)
            {
                trailerMarked |= drop[k] && blocks[k].Text.Trim().Length > 0;
            }

            if (trailerMarked)
            {
                for (var k = lastProse + 1; k < blocks.Count; k++)
                {
                    drop[k] = true;
                }
            }
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
