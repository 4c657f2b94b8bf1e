namespace Extraction.Diff;

/// <summary>
/// How far apart two versions of a sentence are, in words: 0 when equal, the number of words inserted,
/// deleted or replaced when one is a light edit of the other ("3,2 Milliarden" to "3,2 Millionen" is
/// 1), or null when they are different sentences.
/// </summary>
public static class SentenceMatch
{
    /// <summary>Edits allowed: two words, or a fifth of the longer sentence's words when that is more.</summary>
    public static int Allowed(int words) => Math.Max(2, words / 5);

    /// <summary>The word edit distance when within <see cref="Allowed"/>, else null.</summary>
    public static int? Distance(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0;
        }

        var x = Words(a);
        var y = Words(b);
        var limit = Allowed(Math.Max(x.Length, y.Length));
        if (Math.Abs(x.Length - y.Length) > limit)
        {
            return null;
        }

        // Levenshtein over words, one row at a time; stops once a whole row exceeds the limit.
        var prev = new int[y.Length + 1];
        var cur = new int[y.Length + 1];
        for (var j = 0; j <= y.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= x.Length; i++)
        {
            cur[0] = i;
            var best = cur[0];
            for (var j = 1; j <= y.Length; j++)
            {
                var cost = string.Equals(x[i - 1], y[j - 1], StringComparison.Ordinal) ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                best = Math.Min(best, cur[j]);
            }

            if (best > limit)
            {
                return null;
            }

            (prev, cur) = (cur, prev);
        }

        var d = prev[y.Length];
        return d == 0 ? 1 : d <= limit ? d : null;
    }

    // Words without the punctuation that ends them, so "investieren." and "investieren" are one word;
    // a distance of 0 is kept for identical text (above), so a change of punctuation only still counts as 1.
    private static string[] Words(string s) =>
        s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.TrimEnd('.', ',', ';', ':', '!', '?', '"', '\u201C', '\u201D', '\u00BB', '\u00AB', ')'))
            .Where(w => w.Length > 0)
            .ToArray();
}
