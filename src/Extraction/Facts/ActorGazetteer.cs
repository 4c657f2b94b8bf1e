using System.Buffers;
using Extraction.Pipeline;
using Extraction.Text;

namespace Extraction.Facts;

/// <summary>
/// Known actors (models/actors.tsv) with their aliases and inflected forms, matched longest-first at
/// token boundaries, plus patterns for unknown organisations ("Investmentfirma X", "X GmbH").
/// </summary>
public sealed class ActorGazetteer
{
    private readonly Dictionary<string, List<(string[] Tokens, string Canonical)>> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Group, string Type)> _entries = new(StringComparer.Ordinal);

    // Everything a token's text can be to the matcher, found with one look-up per token.
    private readonly Dictionary<string, WordInfo> _words = new(StringComparer.Ordinal);

    [Flags]
    private enum WordFlags
    {
        None = 0,
        OrgTrigger = 1,
        HyphenatedTriggerHead = 2, // "Start" of "Start-up"
        LegalForm = 4,
        Stop = 8,
    }

    private sealed record WordInfo(List<(string[] Tokens, string Canonical)>? Aliases, WordFlags Flags);

    private static readonly HashSet<string> OrgTriggers = new(StringComparer.Ordinal)
    {
        "Investmentfirma", "Investmentgesellschaft", "Start-up", "Startup", "Konzern", "Unternehmen", "Firma",
        "Chiphersteller", "Cloud-Anbieter", "Rechenzentrumsbetreiber", "Betreiber", "Fonds", "Investor", "Finanzinvestor",
        "Vermögensverwalter", "Staatsfonds", "KI-Start-up", "KI-Startup", "Tech-Konzern", "Softwarekonzern", "Halbleiterhersteller",
    };

    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "GmbH", "AG", "SE", "Inc", "Corp", "Ltd", "LLC", "KGaA", "plc", "S.A", "N.V", "Holding",
    };

    /// <summary>Loads the gazetteer.</summary>
    public static ActorGazetteer Load(ModelFiles store)
    {
        var g = new ActorGazetteer();
        foreach (var line in store.ReadLines("actors.tsv"))
        {
            var cols = line.Split('\t');
            if (cols.Length < 3)
            {
                throw new FormatException($"actors.tsv: expected 'name<TAB>group<TAB>aliases[<TAB>type]', got '{line}'");
            }

            var canonical = cols[0].Trim();
            g._entries[canonical] = (cols[1].Trim(), cols.Length > 3 ? cols[3].Trim() : "org");
            foreach (var alias in cols[2].Split('|').Append(canonical).Distinct())
            {
                var tokens = Tokenizer.Tokenize(alias).Select(t => t.Text).ToArray();
                if (tokens.Length == 0)
                {
                    continue;
                }

                if (!g._byFirst.TryGetValue(tokens[0], out var list))
                {
                    list = [];
                    g._byFirst[tokens[0]] = list;
                }

                list.Add((tokens, canonical));
            }
        }

        foreach (var list in g._byFirst.Values)
        {
            list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        }

        foreach (var (first, aliases) in g._byFirst)
        {
            g._words[first] = new WordInfo(aliases, WordFlags.None);
        }

        foreach (var trigger in OrgTriggers)
        {
            g.Flag(trigger, WordFlags.OrgTrigger);
            if (trigger.Contains('-', StringComparison.Ordinal))
            {
                g.Flag(trigger[..trigger.IndexOf('-', StringComparison.Ordinal)], WordFlags.HyphenatedTriggerHead);
            }
        }

        foreach (var form in LegalForms)
        {
            g.Flag(form, WordFlags.LegalForm);
        }

        foreach (var word in Stop)
        {
            g.Flag(word, WordFlags.Stop);
        }

        return g;
    }

    private void Flag(string word, WordFlags flag) =>
        _words[word] = _words.TryGetValue(word, out var info) ? info with { Flags = info.Flags | flag } : new WordInfo(null, flag);

    /// <summary>The group of a canonical name (itself for unknown names).</summary>
    public string GroupOf(string canonical) => _entries.TryGetValue(canonical, out var e) ? e.Group : canonical;

    /// <summary>All actor mentions in tokens[from..to), longest match first, left to right.</summary>
    public List<ActorMention> Find(List<Token> tokens, int from, int to)
    {
        var found = new List<ActorMention>();
        if (to <= from)
        {
            return found;
        }

        // What each token's text is to the matcher (null: nothing), looked up once.
        var words = ArrayPool<WordInfo?>.Shared.Rent(to - from);
        try
        {
            for (var k = from; k < to; k++)
            {
                words[k - from] = _words.GetValueOrDefault(tokens[k].Text);
            }

            var view = new Words(words, from);
            var i = from;
            while (i < to)
            {
                if (TryKnown(tokens, view, i, to, out var m) || TryUnknown(tokens, view, i, to, out m))
                {
                    found.Add(m);
                    i = m.LastToken + 1;
                }
                else
                {
                    i++;
                }
            }
        }
        finally
        {
            ArrayPool<WordInfo?>.Shared.Return(words, clearArray: true);
        }

        return found;
    }

    // The looked-up tokens of one Find, indexed like the token list.
    private readonly struct Words(WordInfo?[] infos, int from)
    {
        public WordInfo? this[int k] => infos[k - from];

        public bool Has(int k, WordFlags flag) => infos[k - from] is { } info && (info.Flags & flag) != 0;
    }

    private bool TryKnown(List<Token> tokens, Words words, int i, int to, out ActorMention mention)
    {
        mention = null!;
        if (words[i]?.Aliases is not { } candidates)
        {
            return false;
        }

        foreach (var (alias, canonical) in candidates)
        {
            if (i + alias.Length > to)
            {
                continue;
            }

            var ok = true;
            for (var k = 1; k < alias.Length && ok; k++)
            {
                ok = tokens[i + k].Text == alias[k];
            }

            if (!ok)
            {
                continue;
            }

            var last = i + alias.Length - 1;
            var (group, type) = _entries[canonical];
            mention = new ActorMention(i, last, tokens[i].Start, tokens[last].End, canonical, group, type);
            return true;
        }

        return false;
    }

    // "Investmentfirma Brookfield", "Start-up Polarwerk", "Nordlicht Systems GmbH"
    private static bool TryUnknown(List<Token> tokens, Words words, int i, int to, out ActorMention mention)
    {
        mention = null!;
        var t = tokens[i];
        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        // A hyphenated trigger ("Start-up") is only looked up after its first part; a word token never holds a hyphen.
        var nameStart = i + 2 < to && tokens[i + 1].Text == "-" && words.Has(i, WordFlags.HyphenatedTriggerHead)
            && OrgTriggers.Contains(t.Text + "-" + tokens[i + 2].Text) ? i + 3
            : words.Has(i, WordFlags.OrgTrigger) ? i + 1 : -1;
        if (nameStart > 0 && nameStart < to && IsName(tokens[nameStart], words, nameStart) && words[nameStart]?.Aliases is null)
        {
            var last = nameStart;
            while (last + 1 < to && IsName(tokens[last + 1], words, last + 1) && last - nameStart < 2)
            {
                last++;
            }

            var name = string.Join(' ', tokens.Skip(nameStart).Take(last - nameStart + 1).Select(x => x.Text));
            mention = new ActorMention(nameStart, last, tokens[nameStart].Start, tokens[last].End, name, name, "org");
            return true;
        }

        // One to three capitalised words followed by a legal form; a company noun before the name is no part of it ("der Energiekonzern X AG").
        if (IsName(t, words, i) && !IsCompanyNoun(t.Text))
        {
            var k = i;
            while (k < to && k - i < 3 && IsName(tokens[k], words, k) && !words.Has(k, WordFlags.LegalForm))
            {
                k++;
            }

            if (k < to && k > i && words.Has(k, WordFlags.LegalForm))
            {
                var name = string.Join(' ', tokens.Skip(i).Take(k - i).Select(x => x.Text));
                mention = new ActorMention(i, k, t.Start, tokens[k].End, name, name, "org");
                return true;
            }
        }

        return false;
    }

    private static bool IsCompanyNoun(string word)
    {
        foreach (var head in CompanyNounHeads)
        {
            if (word.EndsWith(head, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] CompanyNounHeads = ["konzern", "firma", "unternehmen", "hersteller", "versorger", "anbieter", "betreiber", "händler", "zulieferer"];

    private static bool IsName(in Token t, Words words, int k) =>
        t.Kind == TokenKind.Word && t.Text.Length > 1 && char.IsUpper(t.Text[0]) && !words.Has(k, WordFlags.Stop);

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "Der", "Die", "Das", "Ein", "Eine", "Im", "In", "Mit", "Und", "Für", "Bei", "Auf", "Von", "Zu", "Nach", "Als", "Auch",
    };
}
