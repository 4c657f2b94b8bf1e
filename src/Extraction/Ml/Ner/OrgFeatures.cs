using System.Text;
using Extraction.Pipeline;

namespace Extraction.Ml.Ner;

/// <summary>
/// The token features of the organisation recogniser, one function shared by training and tagging:
/// the word and its neighbours (lower-cased), word shape, prefixes and suffixes, legal forms and
/// organisation words nearby (AG, GmbH, Konzern, Bank...), and hits of the actor gazetteer's organisation names.
/// </summary>
public sealed class OrgFeatures
{
    /// <summary>Legal forms and words that end or head organisation names in German text.</summary>
    private static readonly HashSet<string> OrgWords = new(StringComparer.Ordinal)
    {
        "AG", "GmbH", "SE", "KG", "KGaA", "OHG", "eG", "e.V.", "Co.", "Co", "Inc.", "Inc", "Corp.", "Corp", "Ltd.", "Ltd", "LLC", "plc", "PLC",
        "S.A.", "SA", "N.V.", "NV", "Holding", "Group", "Gruppe", "Konzern", "Bank", "Stiftung", "Verband", "Verein", "Partei",
        "Universität", "Institut", "Ministerium", "Agentur", "Behörde", "Gesellschaft", "Werke", "Verlag", "Fonds", "Club",
    };

    private readonly HashSet<string> _gazetteer;

    private OrgFeatures(HashSet<string> gazetteer) => _gazetteer = gazetteer;

    /// <summary>Features with the organisation-name words of the shipped or given actor gazetteer (models/actors.tsv).</summary>
    public static OrgFeatures Load(ModelFiles store)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (store.Exists("actors.tsv"))
        {
            foreach (var line in store.ReadLines("actors.tsv"))
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
        }

        return new OrgFeatures(words);
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

    /// <summary>The features of every token of a sentence (one list per token).</summary>
    public List<List<string>> Of(IReadOnlyList<string> tokens)
    {
        var n = tokens.Count;
        var lower = new string[n];
        var shape = new string[n];
        var org = new bool[n];
        var gaz = new bool[n];
        for (var i = 0; i < n; i++)
        {
            lower[i] = tokens[i].ToLowerInvariant();
            shape[i] = Shape(tokens[i]);
            org[i] = OrgWords.Contains(tokens[i]);
            gaz[i] = _gazetteer.Contains(tokens[i]);
        }

        string W(int k) => k < 0 ? "<s>" : k >= n ? "</s>" : lower[k];
        string S(int k) => k < 0 ? "<s>" : k >= n ? "</s>" : shape[k];
        bool Org(int k) => k >= 0 && k < n && org[k];

        var all = new List<List<string>>(n);
        for (var i = 0; i < n; i++)
        {
            var t = tokens[i];
            var w = lower[i];
            var f = new List<string>(28)
            {
                "b",
                "w=" + w,
                "s=" + shape[i],
                "w-1=" + W(i - 1),
                "w+1=" + W(i + 1),
                "w-2=" + W(i - 2),
                "w+2=" + W(i + 2),
                "s-1=" + S(i - 1),
                "s+1=" + S(i + 1),
                "s-1s=" + S(i - 1) + "|" + shape[i],
                "ss+1=" + shape[i] + "|" + S(i + 1),
                "w-1w=" + W(i - 1) + "|" + w,
                "ww+1=" + w + "|" + W(i + 1),
            };
            for (var k = 1; k <= 4 && k < w.Length; k++)
            {
                f.Add($"p{k}=" + w[..k]);
                f.Add($"x{k}=" + w[^k..]);
            }

            if (t.Length > 0 && char.IsUpper(t[0]))
            {
                f.Add(i == 0 ? "cap0" : "cap");
            }

            if (t.Contains('-', StringComparison.Ordinal))
            {
                f.Add("hy=" + w[(w.LastIndexOf('-') + 1)..]);
            }

            for (var d = -2; d <= 3; d++)
            {
                if (d != 0 && Org(i + d))
                {
                    f.Add("org" + d.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            if (org[i])
            {
                f.Add("org0");
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

            all.Add(f);
        }

        return all;
    }
}
