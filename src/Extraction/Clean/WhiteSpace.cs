namespace Extraction.Clean;

/// <summary>White space of page and dump text collapsed to single spaces.</summary>
internal static class WhiteSpace
{
    /// <summary>Collapses runs of white space (including non-breaking) into single spaces.</summary>
    internal static string Collapse(string s)
    {
        if (IsCollapsed(s))
        {
            return s;
        }

        var buffer = s.Length <= 512 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        var space = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var digitGroup = c is '\u00A0' or '\u202F' or '\u2009' && i > 0 && i + 1 < s.Length && char.IsAsciiDigit(s[i - 1]) && char.IsAsciiDigit(s[i + 1]);
            if (char.IsWhiteSpace(c) && !digitGroup)
            {
                space = n > 0;
                continue;
            }

            if (space)
            {
                buffer[n++] = ' ';
                space = false;
            }

            buffer[n++] = c;
        }

        return new string(buffer[..n]);
    }

    // Nothing to collapse: no white space but single ASCII spaces between other characters.
    private static bool IsCollapsed(string s)
    {
        if (s.Length == 0)
        {
            return true;
        }

        if (s[0] == ' ' || s[^1] == ' ')
        {
            return false;
        }

        // Any other white-space character (even a kept digit group) takes the slow path. White space
        // other than ' ' is \t-\r, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F
        // and U+3000 (a test holds this to char.IsWhiteSpace): a few vectorised scans find them all,
        // where one search for the whole set goes character by character past every umlaut.
        var span = s.AsSpan();
        return span.IndexOfAnyInRange('\t', '\r') < 0
            && span.IndexOfAny('\u0085', '\u00A0', '\u1680') < 0
            && span.IndexOfAnyInRange('\u2000', '\u200A') < 0
            && span.IndexOfAny(OtherWhiteSpace) < 0
            && !span.Contains("  ", StringComparison.Ordinal);
    }

    private static readonly System.Buffers.SearchValues<char> OtherWhiteSpace = System.Buffers.SearchValues.Create("\u2028\u2029\u202F\u205F\u3000");
}
