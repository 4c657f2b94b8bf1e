using System.Globalization;
using Extraction.Pipeline;

namespace Extraction.Recognize;

/// <summary>Reads German figures: digits with German or English grouping, and written-out numbers.</summary>
public static class GermanNumbers
{
    // The number words of models/numbers-de.tsv by what their value makes them: a unit (1-9), a number of its own
    // (10-19) or a ten (20-90) that a unit joins with "und".
    private static readonly Dictionary<string, int>[] Words = ReadWords(ModelFiles.Embedded);
    private static readonly Dictionary<string, int> Units = Words[0];
    private static readonly Dictionary<string, int> Teens = Words[1];
    private static readonly Dictionary<string, int> Tens = Words[2];

    /// <summary>Reads models/numbers-de.tsv (word, value): the units, the numbers 10-19 and the tens, each by word, ignoring case.</summary>
    internal static Dictionary<string, int>[] ReadWords(ModelFiles files)
    {
        Dictionary<string, int>[] words = [new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase)];
        foreach (var (line, fields) in files.ReadTable("numbers-de.tsv", 2))
        {
            if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 90 || (value >= 20 && value % 10 != 0))
            {
                throw new FormatException($"numbers-de.tsv line {line}: '{fields[1]}' is no value of a number word below a hundred (1-19 or a ten, 20-90)");
            }

            words[value < 10 ? 0 : value < 20 ? 1 : 2][fields[0]] = value;
        }

        return words;
    }

    /// <summary>
    /// Parses digits. German grouping ("100.000", "1.000.000,5") and decimals ("8,6"); a single
    /// dot followed by other than three digits is an English decimal ("5.5"); no-break and thin spaces group.
    /// </summary>
    public static bool TryParseDigits(string s, out decimal value) => TryParseDigits(s.AsSpan(), out value);

    /// <inheritdoc cref="TryParseDigits(string, out decimal)"/>
    public static bool TryParseDigits(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 64)
        {
            return false;
        }

        // Drop grouping spaces and count the separators, without allocating.
        Span<char> t = stackalloc char[s.Length];
        var n = 0;
        int dots = 0, commas = 0, lastDot = -1, lastComma = -1;
        foreach (var c in s)
        {
            if (c is '\u00A0' or '\u202F' or '\u2009')
            {
                continue;
            }

            if (c == '.')
            {
                dots++;
                lastDot = n;
            }
            else if (c == ',')
            {
                commas++;
                lastComma = n;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            t[n++] = c;
        }

        t = t[..n];
        char group = '\0', dec = '\0';
        if (dots > 0 && commas > 0)
        {
            // Whichever comes last is the decimal separator: "1.234,5" (German) or "1,234.5" (English).
            (group, dec) = lastComma > lastDot ? ('.', ',') : (',', '.');
        }
        else if (dots > 0)
        {
            if (IsThousandsGrouping(t, '.'))
            {
                group = '.';
            }
            else if (dots > 1)
            {
                return false;
            }
            else
            {
                dec = '.';
            }
        }
        else if (commas > 1)
        {
            if (!IsThousandsGrouping(t, ','))
            {
                return false;
            }

            group = ',';
        }
        else if (commas == 1)
        {
            dec = ',';
        }

        Span<char> normalized = stackalloc char[n];
        var m = 0;
        foreach (var c in t)
        {
            if (c == group)
            {
                continue;
            }

            normalized[m++] = c == dec ? '.' : c;
        }

        return decimal.TryParse(normalized[..m], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsThousandsGrouping(ReadOnlySpan<char> t, char sep)
    {
        var first = true;
        foreach (var range in t.Split(sep))
        {
            var length = range.End.GetOffset(t.Length) - range.Start.GetOffset(t.Length);
            if (first ? length is < 1 or > 3 : length != 3)
            {
                return false;
            }

            first = false;
        }

        return true;
    }

    /// <summary>Parses a written-out German number ("zwei", "fünfundzwanzig", "zweihundert", "anderthalb").</summary>
    public static bool TryParseWord(string word, out decimal value)
    {
        value = 0;
        if (!MayBeNumberWord(word))
        {
            return false;
        }

        var w = word.ToLowerInvariant();
        if (w is "anderthalb" or "eineinhalb")
        {
            value = 1.5m;
            return true;
        }

        if (w == "halbe" || w == "halben")
        {
            value = 0.5m;
            return true;
        }

        var half = false;
        if (w.EndsWith("einhalb", StringComparison.Ordinal) && w.Length > 7)
        {
            half = true;
            w = w[..^7];
        }

        if (!TryCompound(w, out var n) || n == 0)
        {
            return false;
        }

        value = n + (half ? 0.5m : 0m);
        return true;
    }

    // Every number word ends in one of these: the words of the table, the endings of the tens ("achtzig", "dreißig",
    // "dreissig") and the words of the grammar below; most words do not, and are rejected without allocating.
    private static readonly string[] Endings =
        [.. Units.Keys, .. Teens.Keys, .. Tens.Keys, "zig", "ßig", "ssig", "hundert", "tausend", "halb", "halbe", "halben"];

    // Indexed by the last letter, so a word is compared with at most a handful of endings.
    private static readonly Dictionary<char, string[]> LastParts = Endings.GroupBy(p => p[^1]).ToDictionary(g => g.Key, g => g.ToArray());

    // The endings spelt backwards as a trie over the ASCII letters a-z: Trie.Next[node * 26 + letter] is the
    // next node (0: none); Trie.Complete[node] where an ending is complete. Endings with other letters
    // ("fünf", "ßig") stop at those letters and are never complete here.
    private static readonly (int[] Next, bool[] Complete) Trie = BuildTrie();

    private static (int[] Next, bool[] Complete) BuildTrie()
    {
        var next = new List<int>(new int[26]);
        var complete = new List<bool> { false };
        foreach (var ending in Endings)
        {
            var node = 0;
            var k = ending.Length - 1;
            for (; k >= 0 && char.IsAsciiLetterLower(ending[k]); k--)
            {
                var slot = node * 26 + ending[k] - 'a';
                if (next[slot] == 0)
                {
                    next[slot] = complete.Count;
                    next.AddRange(new int[26]);
                    complete.Add(false);
                }

                node = next[slot];
            }

            if (k < 0)
            {
                complete[node] = true;
            }
        }

        return ([.. next], [.. complete]);
    }

    internal static bool MayBeNumberWord(string word)
    {
        if (word.Length is < 3 or > 100)
        {
            return false;
        }

        // Backwards through the trie while the word is ASCII; a letter beyond ASCII may equal an ending's
        // ("FÜNF") under ordinal case-insensitive rules, so such a word takes the comparisons below.
        var node = 0;
        for (var k = word.Length - 1; k >= 0; k--)
        {
            var c = word[k];
            if (!char.IsAscii(c))
            {
                return EndsLikeNumberWord(word);
            }

            if (!char.IsAsciiLetter(c))
            {
                return false;
            }

            node = Trie.Next[node * 26 + (c | 0x20) - 'a'];
            if (node == 0)
            {
                return false;
            }

            if (Trie.Complete[node])
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsLikeNumberWord(string word)
    {
        if (!LastParts.TryGetValue(char.ToLowerInvariant(word[^1]), out var parts))
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (word.EndsWith(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // w is never empty: a word of three letters or more, or what comes before a final "einhalb" in a longer one.
    private static bool TryCompound(string w, out long n)
    {
        n = 0;
        var th = w.IndexOf("tausend", StringComparison.Ordinal);
        if (th >= 0)
        {
            long left = 1;
            if (th > 0 && !TryBelowThousand(w[..th], out left))
            {
                return false;
            }

            var rest = w[(th + 7)..];
            long right = 0;
            if (rest.Length > 0 && !TryBelowThousand(rest, out right))
            {
                return false;
            }

            n = left * 1000 + right;
            return true;
        }

        return TryBelowThousand(w, out n);
    }

    private static bool TryBelowThousand(string w, out long n)
    {
        n = 0;
        var h = w.IndexOf("hundert", StringComparison.Ordinal);
        if (h >= 0)
        {
            long left = 1;
            if (h > 0 && !TryBelowHundred(w[..h], out left))
            {
                return false;
            }

            var rest = w[(h + 7)..];
            if (rest.StartsWith("und", StringComparison.Ordinal) && rest.Length > 3 && !Tens.ContainsKey(rest))
            {
                rest = rest[3..];
            }

            long right = 0;
            if (rest.Length > 0 && !TryBelowHundred(rest, out right))
            {
                return false;
            }

            n = left * 100 + right;
            return left is > 0 and < 10;
        }

        return TryBelowHundred(w, out n);
    }

    private static bool TryBelowHundred(string w, out long n)
    {
        n = 0;
        if (Units.TryGetValue(w, out var u))
        {
            n = u;
            return true;
        }

        if (Teens.TryGetValue(w, out var t))
        {
            n = t;
            return true;
        }

        if (Tens.TryGetValue(w, out var z))
        {
            n = z;
            return true;
        }

        var und = w.IndexOf("und", StringComparison.Ordinal);
        if (und > 0 && Tens.TryGetValue(w[(und + 3)..], out var tens))
        {
            var unit = w[..und];
            if (unit == "ein")
            {
                n = tens + 1;
                return true;
            }

            if (Units.TryGetValue(unit, out var uu) && unit is not ("eine" or "einer" or "einem" or "einen" or "eines" or "eins"))
            {
                n = tens + uu;
                return true;
            }
        }

        return false;
    }
}
