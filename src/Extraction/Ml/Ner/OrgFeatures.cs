using System.Globalization;
using System.Text;

namespace Extraction.Ml.Ner;

/// <summary>
/// The token features of the named-entity tagger, one function shared by training and tagging: the
/// word as written and lower-cased, its shape, prefixes and suffixes of one to four letters, the
/// neighbours two either side, a capital at the sentence start or inside it, whether the lower-cased
/// word was seen written lower-case in training (then a capital is grammar, not a name), legal forms
/// and organisation words nearby (AG, GmbH, Konzern, Bank...), and hits of the gazetteer's organisation names.
/// </summary>
public sealed class OrgFeatures
{
    /// <summary>Legal forms: they end company names.</summary>
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "AG", "GmbH", "SE", "KG", "KGaA", "OHG", "eG", "e.V.", "Co.", "Co", "Inc.", "Inc", "Corp.", "Corp", "Ltd.", "Ltd", "LLC", "plc", "PLC",
        "S.A.", "SA", "N.V.", "NV", "mbH", "GbR", "UG", "AB", "ASA", "Oyj", "S.p.A.", "SpA",
    };

    /// <summary>Words that head or end organisation names in German text.</summary>
    private static readonly HashSet<string> OrgWords = new(StringComparer.Ordinal)
    {
        "Holding", "Group", "Gruppe", "Konzern", "Bank", "Stiftung", "Verband", "Verein", "Partei", "Universität", "Institut",
        "Ministerium", "Agentur", "Behörde", "Gesellschaft", "Werke", "Verlag", "Fonds", "Club", "Klub", "Bund", "Rat", "Amt",
        "Gericht", "Zeitung", "Kommission", "Organisation", "Union", "Versicherung", "Sparkasse", "Stadtwerke", "Hochschule",
    };

    private readonly IReadOnlySet<string> _gazetteer;
    private readonly IReadOnlySet<string> _lowercase;

    /// <summary>Features with the gazetteer's organisation-name words and the words seen written lower-case in training.</summary>
    public OrgFeatures(IReadOnlySet<string> gazetteerWords, IReadOnlySet<string> lowercaseWords)
    {
        _gazetteer = gazetteerWords;
        _lowercase = lowercaseWords;
    }

    /// <summary>The capitalised words of the organisation and fund names of an actor gazetteer (the lines of models/actors.tsv).</summary>
    public static HashSet<string> GazetteerWords(IEnumerable<string> actorLines)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in actorLines)
        {
            var cols = line.Split('\t');
            if (cols.Length < 4 || cols[3].Trim() is not ("org" or "fund"))
            {
                continue;
            }

            foreach (var alias in cols[2].Split('|'))
            {
                foreach (var w in alias.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (w.Length > 1 && char.IsUpper(w[0]))
                    {
                        words.Add(w);
                    }
                }
            }
        }

        return words;
    }

    /// <summary>The words written lower-case (starting with a lower-case letter, two letters or more) in tagged sentences.</summary>
    public static SortedSet<string> LowercaseWords(IEnumerable<IReadOnlyList<string>> sentences)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            foreach (var t in s)
            {
                if (t.Length > 1 && char.IsLower(t[0]))
                {
                    words.Add(t);
                }
            }
        }

        return words;
    }

    /// <summary>Word shape: X for upper-case letters, x for lower-case, d for digits, the character itself otherwise; runs collapsed.</summary>
    public static string Shape(string token)
    {
        var sb = new StringBuilder(8);
        foreach (var c in token)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (sb.Length == 0 || sb[^1] != s)
            {
                sb.Append(s);
            }
        }

        return sb.ToString();
    }

    /// <summary>The features of every token of a sentence (one array per token).</summary>
    public string[][] Of(IReadOnlyList<string> tokens)
    {
        var n = tokens.Count;
        var lower = new string[n];
        var shape = new string[n];
        var kind = new char[n];
        var gaz = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var t = tokens[i];
            lower[i] = t.ToLowerInvariant();
            shape[i] = Shape(t);
            kind[i] = LegalForms.Contains(t) ? 'L' : OrgWords.Contains(t) ? 'W' : '-';
            gaz[i] = _gazetteer.Contains(t);
        }

        string L(int k) => k < 0 ? "<s>" : k >= n ? "</s>" : lower[k];
        string S(int k) => k < 0 ? "<s>" : k >= n ? "</s>" : shape[k];

        var all = new string[n][];
        var f = new List<string>(48);
        for (var i = 0; i < n; i++)
        {
            f.Clear();
            var t = tokens[i];
            var w = lower[i];
            f.Add("b");
            f.Add("w=" + t);
            f.Add("l=" + w);
            f.Add("s=" + shape[i]);
            f.Add("l-1=" + L(i - 1));
            f.Add("l+1=" + L(i + 1));
            f.Add("l-2=" + L(i - 2));
            f.Add("l+2=" + L(i + 2));
            f.Add("s-1=" + S(i - 1));
            f.Add("s+1=" + S(i + 1));
            f.Add("s-1s=" + S(i - 1) + "|" + shape[i]);
            f.Add("ss+1=" + shape[i] + "|" + S(i + 1));
            f.Add("l-1l=" + L(i - 1) + "|" + w);
            f.Add("ll+1=" + w + "|" + L(i + 1));
            for (var k = 1; k <= 4 && k < w.Length; k++)
            {
                f.Add("p" + Digit(k) + "=" + w[..k]);
                f.Add("x" + Digit(k) + "=" + w[^k..]);
            }

            for (var k = 5; k <= 7 && k < w.Length - 1; k++)
            {
                f.Add("x" + (k == 5 ? "5" : k == 6 ? "6" : "7") + "=" + w[^k..]);
            }

            if (t.Length > 0 && char.IsUpper(t[0]))
            {
                var seenLower = _lowercase.Contains(w);
                f.Add((i == 0 ? "cap0" : "cap") + (seenLower ? "+lc" : "-lc"));
            }

            var hyphen = t.LastIndexOf('-');
            if (hyphen > 0 && hyphen < t.Length - 1)
            {
                f.Add("hy=" + w[(hyphen + 1)..]);
                f.Add("hy0=" + w[..t.IndexOf('-', StringComparison.Ordinal)]);
            }

            for (var d = -2; d <= 3; d++)
            {
                var k = i + d;
                if (k >= 0 && k < n && kind[k] != '-')
                {
                    f.Add("o" + kind[k] + d.ToString(CultureInfo.InvariantCulture));
                }
            }

            if (gaz[i])
            {
                f.Add("gaz");
            }

            if (i > 0 && gaz[i - 1])
            {
                f.Add("gaz-1");
            }

            if (i + 1 < n && gaz[i + 1])
            {
                f.Add("gaz+1");
            }

            all[i] = [.. f];
        }

        return all;
    }

    private static string Digit(int k) => k switch { 1 => "1", 2 => "2", 3 => "3", _ => "4" };
}
