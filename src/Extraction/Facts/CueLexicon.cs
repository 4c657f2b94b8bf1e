using Extraction.Pipeline;
using Extraction.Text;

namespace Extraction.Facts;

/// <summary>Cue words (models/cues-de.txt) for investment, non-investment, retraction and back-reference.</summary>
public sealed class CueLexicon
{
    private readonly Dictionary<string, (List<string> Stems, HashSet<string> Words)> _sets = new(StringComparer.Ordinal);
    private readonly List<string> _retractionPhrases = [];
    private readonly List<string> _pivots = [];

    /// <summary>Loads the cue lists.</summary>
    public static CueLexicon Load(ModelStore store)
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

            if (key.Length != 2 || key[1] is not ("stem" or "word"))
            {
                throw new FormatException($"cues-de.txt: cannot read '{line}'");
            }

            if (!lex._sets.TryGetValue(key[0], out var set))
            {
                set = ([], new HashSet<string>(StringComparer.Ordinal));
                lex._sets[key[0]] = set;
            }

            if (key[1] == "stem")
            {
                set.Stems.Add(value);
            }
            else
            {
                set.Words.Add(value);
            }
        }

        return lex;
    }

    /// <summary>True when the token belongs to the named cue set ("positive", "negative", "coref").</summary>
    public bool Is(string set, in Token token)
    {
        if (token.Kind != TokenKind.Word || !_sets.TryGetValue(set, out var s))
        {
            return false;
        }

        var lower = token.Text.ToLowerInvariant();
        if (s.Words.Contains(lower))
        {
            return true;
        }

        foreach (var stem in s.Stems)
        {
            if (lower.StartsWith(stem, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For a correction notice ("In einer früheren Version ... angegeben, es handelt sich jedoch um ..."),
    /// the offset before which figures are the retracted ones; -1 when the sentence retracts nothing.
    /// </summary>
    public int RetractedBefore(string sentence)
    {
        var lower = sentence.ToLowerInvariant();
        var phrase = _retractionPhrases
            .Select(p => lower.IndexOf(p, StringComparison.Ordinal))
            .Where(k => k >= 0)
            .DefaultIfEmpty(-1)
            .Min();
        if (phrase < 0)
        {
            return -1;
        }

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
