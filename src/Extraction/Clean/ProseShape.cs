namespace Extraction.Clean;

/// <summary>Shapes of lines the cleaning passes ask about: a paragraph of prose, a menu-sized line, a dangling end.</summary>
internal static class ProseShape
{
    /// <summary>Under 100 characters and not ending like a sentence, quotation or bracketed source.</summary>
    internal static bool IsDangling(string text)
    {
        var t = text.AsSpan().Trim();
        return t.Length < 100 && (t.Length == 0 || t[^1] is not ('.' or '!' or '?' or '“' or '”' or '"' or '»' or ')'));
    }

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
