using Extraction.Text;

namespace Extraction.Recognize;

// Reading a figure (digits, space groups, number words, ranges) and the scale after it: shared with the
// hardware recogniser, kept apart from the money rules of AmountRecognizer.cs.
public sealed partial class AmountRecognizer
{
    /// <summary>
    /// The first token a figure can be read at, or the token count: no money or hardware mention starts
    /// before it, as both start with a figure; scanning from it finds the same mentions.
    /// </summary>
    internal static int FirstFigure(List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (TryReadFigure(tokens, i, out _, out _))
            {
                return i;
            }
        }

        return tokens.Count;
    }

    internal static bool TryFigure(List<Token> tokens, int i, out decimal value) => TryReadFigure(tokens, i, out value, out _);

    /// <summary>
    /// Reads a figure starting at token <paramref name="i"/>: digits ("100.000", "8,6", "100 000" grouped by
    /// single spaces), a written-out number ("fünfundzwanzig", "anderthalb") or "eine halbe".
    /// </summary>
    internal static bool TryReadFigure(List<Token> tokens, int i, out decimal value, out int next)
    {
        value = 0;
        next = i + 1;
        var t = tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            if (!GermanNumbers.TryParseDigits(t.Text, out value) || value > MaxFigure)
            {
                return false;
            }

            if (TryReadSpaceGroups(tokens, i, out var grouped, out var after))
            {
                value = grouped;
                next = after;
            }

            return true;
        }

        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        // "eine halbe Milliarde", "einer halben Million"
        if (i + 1 < tokens.Count && t.Text is "eine" or "Eine" or "einer" or "Einer" && tokens[i + 1].Text is "halbe" or "halben")
        {
            value = 0.5m;
            next = i + 2;
            return true;
        }

        return GermanNumbers.TryParseWord(t.Text, out value);
    }

    // "100 000", "3 500 000", "2 500 000,50": digit groups split by one plain space. Only from the first group
    // of a run (so a phone number's tail is never a figure), and never when more digits follow.
    private static bool TryReadSpaceGroups(List<Token> tokens, int i, out decimal value, out int next)
    {
        value = 0;
        next = i + 1;
        var lead = tokens[i].Text;
        if (lead.Length > 3 || lead[0] == '0' || !IsDigits(lead) || (i > 0 && tokens[i - 1].Kind == TokenKind.Number))
        {
            return false;
        }

        var k = i + 1;
        var digits = lead;
        while (k < tokens.Count && tokens[k].Kind == TokenKind.Number && tokens[k].Start == tokens[k - 1].End + 1 && IsGroup(tokens[k].Text))
        {
            digits += tokens[k].Text;
            k++;
            if (tokens[k - 1].Text.Length > 3)
            {
                break; // a decimal part ends the figure
            }
        }

        if (k == i + 1 || (k < tokens.Count && tokens[k].Kind == TokenKind.Number))
        {
            return false;
        }

        if (!GermanNumbers.TryParseDigits(digits, out value) || value > MaxFigure)
        {
            return false;
        }

        next = k;
        return true;

        static bool IsGroup(string s) =>
            s.Length >= 3 && IsDigits(s.AsSpan(0, 3)) && (s.Length == 3 || (s.Length > 4 && s[3] == ',' && IsDigits(s.AsSpan(4))));
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    /// <summary>Reads an optional scale at index j (allowing "20-Milliarden" and "Mrd."), returning the index after it.</summary>
    internal static int ReadScale(List<Token> tokens, int j, out decimal? scale) => ReadScale(tokens, j, 2m, out scale, out _);

    /// <summary>
    /// Reads an optional scale after a figure of <paramref name="figure"/>: "Milliarden", "Mrd.", "-Milliarden-",
    /// "bn", and the glued "5k"/"500m" (<paramref name="weak"/>: a scale only where a currency confirms money).
    /// </summary>
    internal static int ReadScale(List<Token> tokens, int j, decimal figure, out decimal? scale, out bool weak)
    {
        scale = null;
        weak = false;
        if (j <= 0 || j > tokens.Count)
        {
            return j;
        }

        var k = j;
        if (k + 1 < tokens.Count && tokens[k].Text == "-" && tokens[k].Start == tokens[k - 1].End && Lexicon.Scale(tokens[k + 1]) is not null)
        {
            k++;
        }

        if (k >= tokens.Count)
        {
            return j;
        }

        var t = tokens[k];
        if (t.Kind == TokenKind.Word && t.Start == tokens[k - 1].End && tokens[k - 1].Kind == TokenKind.Number && t.Text is "k" or "m")
        {
            scale = t.Text == "k" ? 1_000m : 1_000_000m;
            weak = true;
            return k + 1;
        }

        if (Lexicon.Scale(t) is not { } s)
        {
            return j;
        }

        // German "Billion" is 10^12, but its singular after a figure other than one is English: "US$ 2.5 Billion".
        scale = t.Text == "Billion" && figure != 1m ? 1_000_000_000m : s;
        k++;
        if (k < tokens.Count && tokens[k].Text == "." && tokens[k].Start == tokens[k - 1].End && Lexicon.IsAbbreviatedScale(tokens[k - 1]))
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// Reads the upper end of a range after the first figure (and its scale) ended at <paramref name="j"/>:
    /// "bis 18", "-20", "und 20" after "zwischen"; never "bis zu".
    /// </summary>
    internal static bool TryRangeEnd(List<Token> tokens, int j, bool between, out decimal value, out int next)
    {
        value = 0;
        next = j;
        if (j + 1 >= tokens.Count)
        {
            return false;
        }

        var sep = tokens[j];
        var isSep = between
            ? sep.Is("und") || sep.Is("bis")
            : (sep.Kind == TokenKind.Punct && sep.Text is "-" or "–" or "—") || (sep.Is("bis") && !tokens[j + 1].Is("zu"));
        return isSep && TryReadFigure(tokens, j + 1, out value, out next);
    }
}
