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
    private readonly HashSet<ulong> _lowercase;

    private readonly WordClusters? _clusters;

    /// <summary>Features with the gazetteer's organisation-name words, the words seen written lower-case in training and, when given, word clusters.</summary>
    public OrgFeatures(IReadOnlySet<string> gazetteerWords, IEnumerable<string> lowercaseWords, WordClusters? clusters = null)
    {
        _gazetteer = gazetteerWords;
        _lowercase = [.. lowercaseWords.Select(x => FeatureHash.Of(x))];
        _clusters = clusters;
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

    /// <summary>The features of every token of a sentence, written into <paramref name="f"/> (cleared first).</summary>
    public void Of(IReadOnlyList<string> tokens, FeatureBuffer f)
    {
        var n = tokens.Count;
        f.Reset(n);
        var shapeLength = 0;
        var lowerLength = 0;
        var open = 0;
        for (var i = 0; i < n; i++)
        {
            // Inside quotes: after more opening than closing marks („...“, »...«, "...").
            f.Flags[i] = (byte)(open > 0 ? 1 : 0);
            open += tokens[i] is "„" or "»" or "‚" ? 1 : tokens[i] is "“" or "«" or "‘" ? -1 : tokens[i] == "\"" ? (open > 0 ? -1 : 1) : 0;
            var t = tokens[i];
            if (f.ShapeChars.Length < shapeLength + t.Length)
            {
                Array.Resize(ref f.ShapeChars, Math.Max(f.ShapeChars.Length * 2, shapeLength + t.Length));
            }

            // Each token lower-cased once (invariant, character by character, as FeatureHash.AddLower does): its features use it up to a dozen times.
            if (f.LowerChars.Length < lowerLength + t.Length)
            {
                Array.Resize(ref f.LowerChars, Math.Max(f.LowerChars.Length * 2, lowerLength + t.Length));
            }

            f.LowerStart[i] = lowerLength;
            foreach (var c in t)
            {
                f.LowerChars[lowerLength++] = char.ToLowerInvariant(c);
            }

            f.ShapeStart[i] = shapeLength;
            f.ShapeLength[i] = Shape(t, f.ShapeChars.AsSpan(shapeLength));
            shapeLength += f.ShapeLength[i];
            f.Kind[i] = LegalForms.Contains(t) ? 'L' : OrgWords.Contains(t) ? 'W' : '-';
            f.Gazetteer[i] = _gazetteer.Contains(t);
            f.Clusters[i] = _clusters?.Of(t);
        }

        for (var i = 0; i < n; i++)
        {
            f.BeginToken(i);
            var t = tokens[i];
            var w = t.AsSpan();
            var lower = Lower(f, i, t);
            f.Feature("b");
            f.Begin("w=");
            f.Add(w);
            f.End();
            f.Begin("l=");
            f.Add(lower);
            f.End();
            f.Begin("s=");
            AddShape(f, i);
            f.End();
            f.Begin("l-1=");
            AddLower(f, tokens, i - 1);
            f.End();
            f.Begin("l+1=");
            AddLower(f, tokens, i + 1);
            f.End();
            f.Begin("l-2=");
            AddLower(f, tokens, i - 2);
            f.End();
            f.Begin("l+2=");
            AddLower(f, tokens, i + 2);
            f.End();
            f.Begin("s-1=");
            AddShape(f, i - 1);
            f.End();
            f.Begin("s+1=");
            AddShape(f, i + 1);
            f.End();
            f.Begin("s-1s=");
            AddShape(f, i - 1);
            f.Add('|');
            AddShape(f, i);
            f.End();
            f.Begin("ss+1=");
            AddShape(f, i);
            f.Add('|');
            AddShape(f, i + 1);
            f.End();
            f.Begin("l-1l=");
            AddLower(f, tokens, i - 1);
            f.Add('|');
            f.Add(lower);
            f.End();
            f.Begin("ll+1=");
            f.Add(lower);
            f.Add('|');
            AddLower(f, tokens, i + 1);
            f.End();
            for (var k = 1; k <= 4 && k < w.Length; k++)
            {
                f.Begin(Prefix[k]);
                f.Add(lower[..k]);
                f.End();
                f.Begin(Suffix[k]);
                f.Add(lower[^k..]);
                f.End();
            }

            for (var k = 5; k <= 7 && k < w.Length - 1; k++)
            {
                f.Begin(Suffix[k]);
                f.Add(lower[^k..]);
                f.End();
            }

            if (w.Length > 0 && char.IsUpper(w[0]))
            {
                var seenLower = _lowercase.Contains(FeatureHash.Of(lower));
                f.Feature(i == 0 ? (seenLower ? "cap0+lc" : "cap0-lc") : seenLower ? "cap+lc" : "cap-lc");
            }

            var hyphen = w.LastIndexOf('-');
            if (hyphen > 0 && hyphen < w.Length - 1)
            {
                f.Begin("hy=");
                f.Add(lower[(hyphen + 1)..]);
                f.End();
                f.Begin("hy0=");
                f.Add(lower[..w.IndexOf('-')]);
                f.End();
            }

            for (var d = -2; d <= 3; d++)
            {
                var k = i + d;
                if (k >= 0 && k < n && f.Kind[k] != '-')
                {
                    f.Feature(f.Kind[k] == 'L' ? LegalNear[d + 2] : OrgWordNear[d + 2]);
                }
            }

            if (_clusters is not null)
            {
                AddClusters(f, i);
            }

            AddShapeFlags(f, tokens, i);

            if (f.Gazetteer[i])
            {
                f.Feature("gaz");
            }

            if (i > 0 && f.Gazetteer[i - 1])
            {
                f.Feature("gaz-1");
            }

            if (i + 1 < n && f.Gazetteer[i + 1])
            {
                f.Feature("gaz+1");
            }
        }

        f.EndSentence();
    }

    private static readonly string[] Prefix = ["", "p1=", "p2=", "p3=", "p4="];
    private static readonly string[] Suffix = ["", "x1=", "x2=", "x3=", "x4=", "x5=", "x6=", "x7="];
    private static readonly string[] LegalNear = ["oL-2", "oL-1", "oL0", "oL1", "oL2", "oL3"];
    private static readonly string[] OrgWordNear = ["oW-2", "oW-1", "oW0", "oW1", "oW2", "oW3"];

    /// <summary>Endings of German organisation nouns (Landesbank, Stadtwerke, Bauernverband...).</summary>
    private static readonly string[] OrgEndings =
    [
        "bank", "werke", "werk", "verband", "partei", "ministerium", "gruppe", "konzern", "verein", "gesellschaft", "stiftung", "institut",
        "agentur", "kasse", "amt", "gericht", "rat", "union", "holding", "versicherung", "zeitung", "verlag", "behörde", "kommission",
        "universität", "hochschule", "akademie", "klinik", "klinikum", "bund", "liga", "club", "klub", "team", "sender", "büro", "fonds",
    ];

    // Acronyms, quotes, runs of capitalised words and organisation-noun endings: what a name looks like beyond its letters.
    private static void AddShapeFlags(FeatureBuffer f, IReadOnlyList<string> tokens, int i)
    {
        var t = tokens[i];
        if (t.Length >= 2 && !t.AsSpan().ContainsAnyExcept(UpperLetters))
        {
            f.Feature("acr");
        }

        if (EndsLikeAnOrg(t))
        {
            f.Feature("oend");
        }

        if (i + 1 < tokens.Count && EndsLikeAnOrg(tokens[i + 1]))
        {
            f.Feature("oend+1");
        }

        var cap = IsCap(t);
        if (cap)
        {
            var before = i > 0 && IsCap(tokens[i - 1]);
            var after = i + 1 < tokens.Count && IsCap(tokens[i + 1]);
            f.Feature(before ? (after ? "run=I" : "run=E") : after ? "run=B" : "run=S");
        }

        if (f.Flags[i] != 0)
        {
            f.Feature("inq");
        }
    }

    private static readonly System.Buffers.SearchValues<char> UpperLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ");

    private static bool IsCap(string t) => t.Length > 0 && char.IsUpper(t[0]);

    private static bool EndsLikeAnOrg(string t)
    {
        if (t.Length < 4 || !char.IsUpper(t[0]))
        {
            return false;
        }

        foreach (var e in OrgEndings)
        {
            if (t.Length >= e.Length && t.AsSpan(t.Length - e.Length).Equals(e, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ClusterOf = ["c1=", "c2=", "c3=", "c4="];
    private static readonly string[] ClusterBefore = ["c1-1=", "c2-1=", "c3-1=", "c4-1="];
    private static readonly string[] ClusterAfter = ["c1+1=", "c2+1=", "c3+1=", "c4+1="];

    // The word's cluster at every level, and the coarse clusters of its neighbours ("-" for none or the sentence's edge).
    private static void AddClusters(FeatureBuffer f, int i)
    {
        var own = f.Clusters[i];
        if (own is null)
        {
            f.Feature("c1=-");
        }
        else
        {
            for (var level = 0; level < own.Length && level < ClusterOf.Length; level++)
            {
                f.Begin(ClusterOf[level]);
                f.Add(own[level]);
                f.End();
            }
        }

        f.Begin(ClusterBefore[0]);
        f.Add(i > 0 && f.Clusters[i - 1] is { } before ? before[0] : "-");
        f.End();
        f.Begin(ClusterAfter[0]);
        f.Add(i + 1 < f.Tokens && f.Clusters[i + 1] is { } after ? after[0] : "-");
        f.End();
    }

    // Token k lower-cased (made once per sentence by Of).
    private static ReadOnlySpan<char> Lower(FeatureBuffer f, int k, string token) => f.LowerChars.AsSpan(f.LowerStart[k], token.Length);

    private static void AddLower(FeatureBuffer f, IReadOnlyList<string> tokens, int k)
    {
        if (k < 0)
        {
            f.Add("<s>");
        }
        else if (k >= tokens.Count)
        {
            f.Add("</s>");
        }
        else
        {
            f.Add(Lower(f, k, tokens[k]));
        }
    }

    private static void AddShape(FeatureBuffer f, int k)
    {
        if (k < 0)
        {
            f.Add("<s>");
        }
        else if (k >= f.Tokens)
        {
            f.Add("</s>");
        }
        else
        {
            f.Add(f.ShapeChars.AsSpan(f.ShapeStart[k], f.ShapeLength[k]));
        }
    }

    /// <summary>Word shape: X for upper-case letters, x for lower-case, d for digits, the character itself otherwise; runs collapsed.</summary>
    public static string Shape(string token)
    {
        Span<char> buffer = token.Length <= 256 ? stackalloc char[token.Length] : new char[token.Length];
        return new string(buffer[..Shape(token, buffer)]);
    }

    /// <summary>Writes the shape of a token into <paramref name="into"/> (at least as long as the token); returns its length.</summary>
    public static int Shape(ReadOnlySpan<char> token, Span<char> into)
    {
        var length = 0;
        foreach (var c in token)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (length == 0 || into[length - 1] != s)
            {
                into[length++] = s;
            }
        }

        return length;
    }
}
