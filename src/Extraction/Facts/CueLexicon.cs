using Extraction.Pipeline;
using Extraction.Text;

namespace Extraction.Facts;

/// <summary>Cue words (models/cues-de.txt) for investment, non-investment, retraction and back-reference.</summary>
public sealed class CueLexicon
{
    private readonly Dictionary<string, (List<string> Stems, HashSet<string> Words, List<string> Tails, HashSet<string> Nouns, HashSet<string> Verbs)> _sets = new(StringComparer.Ordinal);
    private readonly List<string> _retractionPhrases = [];
    private readonly List<string> _pivots = [];

    // Separable verbs ("gibt ... aus", "sammelte ... ein"): the verb's stem, its particle, the sets they mark.
    private readonly List<(string Stem, string Particle, string Set)> _splits = [];
    private HashSet<string> _particles = new(StringComparer.OrdinalIgnoreCase);
    private int _longestParticle;

    /// <summary>Loads the cue lists.</summary>
    public static CueLexicon Load(ModelFiles store)
    {
        var lex = new CueLexicon();
        foreach (var line in store.ReadLines("cues-de.txt"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().Split(' ');
            var value = line[(colon + 1)..].Trim().ToLowerInvariant();
            if (key is ["retraction", "stem"])
            {
                lex._retractionPhrases.Add(value);
                continue;
            }

            if (key is ["retraction", "pivot"])
            {
                lex._pivots.Add(value);
                continue;
            }

            if (key.Length == 2 && key[1] == "split")
            {
                var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2)
                {
                    throw new FormatException($"cues-de.txt: a split cue is a stem and a particle: '{line}'");
                }

                lex._splits.Add((parts[0], parts[1], key[0]));
                if (!lex._sets.ContainsKey(key[0]))
                {
                    lex._sets[key[0]] = ([], new HashSet<string>(StringComparer.Ordinal), [], new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
                }

                continue;
            }

            if (key.Length != 2 || key[1] is not ("stem" or "word" or "tail" or "noun" or "verb"))
            {
                throw new FormatException($"cues-de.txt: cannot read '{line}'");
            }

            if (!lex._sets.TryGetValue(key[0], out var set))
            {
                set = ([], new HashSet<string>(StringComparer.Ordinal), [], new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
                lex._sets[key[0]] = set;
            }

            if (key[1] == "stem")
            {
                set.Stems.Add(value);
            }
            else if (key[1] == "tail")
            {
                set.Tails.Add(value);
            }
            else if (key[1] == "noun")
            {
                set.Nouns.Add(value);
            }
            else if (key[1] == "verb")
            {
                set.Verbs.Add(value);
            }
            else
            {
                set.Words.Add(value);
            }
        }

        lex._setNames = [.. lex._sets.Keys.Order(StringComparer.Ordinal)];
        lex._particles = new HashSet<string>(lex._splits.Select(x => x.Particle), StringComparer.OrdinalIgnoreCase);
        lex._longestParticle = lex._particles.Count == 0 ? 0 : lex._particles.Max(x => x.Length);
        lex._lengths = [.. lex._setNames.Select(name => Lengths([.. lex._sets[name].Stems, .. lex._sets[name].Tails], [.. lex._sets[name].Words, .. lex._sets[name].Nouns, .. lex._sets[name].Verbs]))];
        return lex;
    }

    // The lengths a member of a set can have, bit n for n characters (bit 63: 63 or more); lower-casing keeps a word's length.
    private static ulong Lengths(List<string> stems, List<string> words)
    {
        var lengths = 0UL;
        foreach (var word in words)
        {
            lengths |= 1UL << Math.Min(word.Length, 63);
        }

        foreach (var stem in stems)
        {
            lengths |= ulong.MaxValue << Math.Min(stem.Length, 63);
        }

        return lengths;
    }

    // Which sets a word belongs to, as a bit mask, remembered per word: the same words recur in every
    // sentence, and lower-casing and stem matching each time cost more than the rest of linking.
    private readonly PerThreadMemo<int> _memberships = new(250_000);
    private string[] _setNames = [];
    private ulong[] _lengths = [];

    /// <summary>True when the token belongs to the named cue set ("positive", "negative", "coref").</summary>
    public bool Is(string set, in Token token) => (Mask(token) & Bit(set)) != 0;

    /// <summary>The bit of the named cue set in <see cref="Mask(in Token)"/>, or 0 for a set the lexicon does not have.</summary>
    public int Bit(string set)
    {
        var index = Array.IndexOf(_setNames, set);
        return index < 0 ? 0 : 1 << index;
    }

    /// <summary>The cue sets the token belongs to, one <see cref="Bit"/> each; 0 for anything but a word.</summary>
    public int Mask(in Token token)
    {
        if (token.Kind != TokenKind.Word)
        {
            return 0;
        }

        return _memberships.Get(token.Text, this, static (word, lexicon) => lexicon.Memberships(word, lexicon._setNames));
    }

    /// <summary>
    /// The cue sets of <paramref name="bits"/> the token belongs to: <see cref="Mask(in Token)"/> and <paramref name="bits"/>,
    /// without a look-up for a word too short or too long for any of them.
    /// </summary>
    public int Mask(in Token token, int bits)
    {
        if (token.Kind != TokenKind.Word)
        {
            return 0;
        }

        var lengths = 0UL;
        for (var b = bits; b != 0; b &= b - 1)
        {
            var set = System.Numerics.BitOperations.TrailingZeroCount(b);
            lengths |= set < _lengths.Length ? _lengths[set] : 0;
        }

        return (lengths & (1UL << Math.Min(token.Text.Length, 63))) == 0 ? 0 : Mask(token) & bits;
    }

    // Per word, its compound head in each cue set (indexed as _setNames).
    private readonly PerThreadMemo<string?[]> _heads = new(250_000);

    /// <summary>
    /// The cue of the named set that is the head of a capitalised compound noun, or null: the longest stem
    /// or word of the set that starts after the word's third letter and ends it (up to three letters of
    /// inflection after a stem): "Gesamtumsatz" and "Gesamtumsatzes" have the head "umsatz", "Finanzmittel"
    /// "mittel"; "Umsatz" itself and "Fördertechnik" (the cue is its first part) have none. For the fact
    /// model's features: what the cue list names as a word it also names as the head of a compound.
    /// </summary>
    public string? CompoundHead(string word, string set)
    {
        if (word.Length < 7 || !char.IsUpper(word[0]) || !_sets.TryGetValue(set, out var cueSet))
        {
            return null;
        }

        var index = Array.IndexOf(_setNames, set);
        return _heads.Get(word, this, static (word, lexicon) => [.. lexicon._setNames.Select(name => Head(word, lexicon._sets[name]))])[index];
    }

    private static string? Head(string word, (List<string> Stems, HashSet<string> Words, List<string> Tails, HashSet<string> Nouns, HashSet<string> Verbs) cueSet)
    {
        var lower = word.ToLowerInvariant();
        var (stems, words, tails, nouns, _) = cueSet;
        string? head = null;
        foreach (var stem in stems.Concat(tails))
        {
            var at = stem.Length >= 4 ? lower.LastIndexOf(stem, StringComparison.Ordinal) : -1;
            if (at >= 3 && lower.Length - at - stem.Length <= 3 && (head is null || stem.Length > head.Length))
            {
                head = stem;
            }
        }

        foreach (var w in words.Concat(nouns))
        {
            if (w.Length >= 4 && lower.Length - w.Length >= 3 && lower.EndsWith(w, StringComparison.Ordinal) && (head is null || w.Length > head.Length))
            {
                head = w;
            }
        }

        return head;
    }

    private int Memberships(string word, string[] names)
    {
        var lower = word.ToLowerInvariant();
        var upper = word.Length > 0 && char.IsUpper(word[0]);
        var mask = 0;
        var positive = Array.IndexOf(names, "positive");
        var negative = Array.IndexOf(names, "negative");
        for (var b = 0; b < names.Length; b++)
        {
            var (stems, words, tails, nouns, verbs) = _sets[names[b]];
            if (words.Contains(lower) || stems.Any(stem => lower.StartsWith(stem, StringComparison.Ordinal))
                || (upper && b != negative && tails.Any(tail => IsHead(lower, tail)))
                || (upper ? nouns.Contains(lower) : verbs.Contains(lower)))
            {
                mask |= 1 << b;
            }
        }

        // A compound whose head is a word of the "No" list is no investment either ("Gesamtumsatz", "Quartalsgewinns",
        // "Rekord-Umsatz"), unless an investment word names the whole compound ("Kaufpreis" against "preis"). Stems
        // shorter than six letters end too many other words ("Konkurrenten" ends in "renten"): those are heads only
        // where cues-de.txt lists them as tails.
        if (upper && negative >= 0 && (mask & (1 << negative)) == 0 && (positive < 0 || (mask & (1 << positive)) == 0)
            && (_sets[names[negative]].Tails.Any(tail => IsHead(lower, tail))
                || _sets[names[negative]].Stems.Any(stem => stem.Length >= MinimumHead && IsHead(lower, stem))))
        {
            mask |= 1 << negative;
        }

        return mask;
    }

    private const int MinimumHead = 6;

    // Inflection endings a compound's head may carry: "Landeszuschüsse", "Schuldscheindarlehens", "Jahresumsatzes".
    private static readonly string[] HeadEndings = ["", "s", "es", "n", "en", "e"];

    // True when the lower-cased word is a compound (something before the head) ending in head plus an inflection ending.
    private static bool IsHead(string lower, string head)
    {
        foreach (var ending in HeadEndings)
        {
            var length = head.Length + ending.Length;
            if (lower.Length > length && lower.EndsWith(ending, StringComparison.Ordinal)
                && lower.AsSpan(lower.Length - length, head.Length).SequenceEqual(head))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Clears the investment and non-investment sets of a word that ends a name with its acronym in brackets
    /// ("des Multilateralen Investitionsfonds (MIF)", "die Europäische Investitionsbank (EIB)"): a name says who, not what the money is.
    /// </summary>
    public void ClearNames(List<Token> tokens, int[] cues)
    {
        var bits = Bit("positive") | Bit("negative") | Bit("weak");
        for (var k = 0; k + 3 < tokens.Count; k++)
        {
            if ((cues[k] & bits) != 0 && tokens[k + 1].Text == "(" && tokens[k + 3].Text == ")" && char.IsUpper(tokens[k].Text[0]) && IsAcronym(tokens[k + 2].Text))
            {
                cues[k] &= ~bits;
            }
        }

        static bool IsAcronym(string w) => w.Length is >= 2 and <= 6 && char.IsUpper(w[0]) && char.IsUpper(w[^1]);
    }

    /// <summary>
    /// Adds the cue sets of separable verbs to <paramref name="cues"/> (one mask per token, as <see cref="Mask(in Token)"/>
    /// gives them): a verb whose particle ends its clause ("Der Bund gibt 3 Milliarden für Schulen aus", "nimmt 200
    /// Millionen in die Hand", "stellt 5 Milliarden zur Verfügung") is marked with the verb's sets, as the prefixed form ("ausgeben") would be. Returns the
    /// sets added.
    /// </summary>
    public int AddSeparableVerbs(List<Token> tokens, int[] cues)
    {
        if (_splits.Count == 0)
        {
            return 0;
        }

        var added = 0;
        for (var p = 1; p < tokens.Count; p++)
        {
            var t = tokens[p];
            // Case is ignored without a lower-cased copy: this runs over every token of a sentence with a figure.
            if (t.Kind != TokenKind.Word || t.Text.Length > _longestParticle || !_particles.Contains(t.Text))
            {
                continue;
            }

            // The particle ends its clause; "in die Hand nehmen" puts the verb after it, at the clause's end.
            var after = p + 1 < tokens.Count ? tokens[p + 1] : default;
            var particleLast = p + 1 >= tokens.Count || EndsClause(after);
            var verbAfter = !particleLast && after.Kind == TokenKind.Word && (p + 2 >= tokens.Count || EndsClause(tokens[p + 2])) ? p + 1 : -1;
            if (!particleLast && verbAfter < 0)
            {
                continue;
            }

            var particle = t.Text.ToLowerInvariant();
            var from = verbAfter >= 0 ? verbAfter : p - 1;
            var to = verbAfter >= 0 ? verbAfter : Math.Max(0, p - 30);
            for (var v = from; v >= to; v--)
            {
                var w = tokens[v];
                if (w.Kind == TokenKind.Punct && w.Text is "." or ";" or ":" or "!" or "?")
                {
                    break;
                }

                if (w.Kind != TokenKind.Word || !char.IsLower(w.Text[0]))
                {
                    continue;
                }

                var lower = w.Text.ToLowerInvariant();
                var bits = 0;
                foreach (var (stem, part, set) in _splits)
                {
                    if (part == particle && lower.StartsWith(stem, StringComparison.Ordinal))
                    {
                        bits |= Bit(set);
                    }
                }

                if (bits != 0)
                {
                    cues[v] |= bits;
                    added |= bits;
                    break;
                }
            }
        }

        return added;

        static bool EndsClause(in Token t) =>
            (t.Kind == TokenKind.Punct && t.Text is "." or "," or ";" or ":" or "!" or "?" or "–" or "-" or ")" or "(")
            || t.Text is "und" or "oder" or "sowie" or "aber";
    }

    /// <summary>
    /// For a correction notice ("In einer früheren Version ... angegeben, es handelt sich jedoch um ..."),
    /// the offset before which figures are the retracted ones; -1 when the sentence retracts nothing.
    /// </summary>
    public int RetractedBefore(string sentence) => RetractedBefore(sentence.AsSpan());

    /// <inheritdoc cref="RetractedBefore(string)"/>
    public int RetractedBefore(ReadOnlySpan<char> sentence)
    {
        var phrase = -1;
        foreach (var p in _retractionPhrases)
        {
            var k = sentence.IndexOf(p, StringComparison.OrdinalIgnoreCase);
            if (k >= 0 && (phrase < 0 || k < phrase))
            {
                phrase = k;
            }
        }

        if (phrase < 0)
        {
            return -1;
        }

        var lower = sentence.ToString().ToLowerInvariant();

        // The first whole-word pivot after the notice starts the corrected part.
        var pivot = int.MaxValue;
        foreach (var p in _pivots)
        {
            var k = phrase;
            while ((k = lower.IndexOf(p, k, StringComparison.Ordinal)) >= 0)
            {
                var before = k == 0 || !char.IsLetter(lower[k - 1]);
                var after = k + p.Length >= lower.Length || !char.IsLetter(lower[k + p.Length]);
                if (before && after)
                {
                    pivot = Math.Min(pivot, k);
                    break;
                }

                k += p.Length;
            }
        }

        return pivot == int.MaxValue ? sentence.Length : pivot;
    }
}
