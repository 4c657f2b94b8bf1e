using System.Buffers;

namespace Extraction.Clean;

/// <summary>
/// Finds whether a text holds any of many phrases, ignoring case as <see cref="StringComparison.OrdinalIgnoreCase"/>
/// does. Each phrase's first four characters, case-folded, make a 32-bit gram; one pass over the text
/// rolls the gram at every position and tests a 64-kilobit table, and only where the table says
/// "maybe" are the phrases starting with that gram compared. About three times faster than
/// <see cref="SearchValues{T}"/> here, which picks Aho-Corasick for this many phrases and walks it
/// character by character. Phrases shorter than four characters, or holding a character the fold
/// does not keep, are searched with <see cref="SearchValues{T}"/>.
/// </summary>
internal sealed class PhraseFilter
{
    // A character's fold: ASCII lower-cased, a non-ASCII character that upper-cases to an ASCII letter
    // (dotless i, long s) as that letter, anything else 0. Characters equal ignoring case fold alike.
    private static readonly byte[] Fold = BuildFold();

    private readonly ulong[] _table = new ulong[1024];
    private readonly Dictionary<uint, string[]> _byGram;
    private readonly SearchValues<string>? _others;

    public PhraseFilter(IEnumerable<string> phrases)
    {
        var byGram = new Dictionary<uint, List<string>>();
        var others = new List<string>();
        foreach (var phrase in phrases.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (phrase.Length < 4 || Fold[phrase[0]] == 0 || Fold[phrase[1]] == 0 || Fold[phrase[2]] == 0 || Fold[phrase[3]] == 0)
            {
                others.Add(phrase);
                continue;
            }

            var gram = 0u;
            foreach (var c in phrase.AsSpan(0, 4))
            {
                gram = (gram << 8) | Fold[c];
            }

            var slot = Slot(gram);
            _table[slot >> 6] |= 1UL << (int)(slot & 63);
            if (!byGram.TryGetValue(gram, out var list))
            {
                byGram[gram] = list = [];
            }

            list.Add(phrase);
        }

        _byGram = byGram.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        _others = others.Count > 0 ? SearchValues.Create([.. others], StringComparison.OrdinalIgnoreCase) : null;
    }

    /// <summary>True when <paramref name="text"/> holds one of the phrases (ignoring case).</summary>
    public bool IsFoundIn(ReadOnlySpan<char> text)
    {
        var fold = Fold;
        var table = _table;
        var gram = 0u;
        for (var i = 0; i < text.Length; i++)
        {
            gram = (gram << 8) | fold[text[i]];
            var slot = Slot(gram);
            if ((table[slot >> 6] & (1UL << (int)(slot & 63))) != 0 && i >= 3 && StartsHere(text[(i - 3)..], gram))
            {
                return true;
            }
        }

        return _others is not null && text.IndexOfAny(_others) >= 0;
    }

    private bool StartsHere(ReadOnlySpan<char> text, uint gram)
    {
        if (_byGram.TryGetValue(gram, out var phrases))
        {
            foreach (var phrase in phrases)
            {
                if (text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static uint Slot(uint gram) => (gram * 0x9E3779B1u) >> 16;

    private static byte[] BuildFold()
    {
        var fold = new byte[char.MaxValue + 1];
        for (var c = 1; c <= char.MaxValue; c++)
        {
            var upper = char.ToUpperInvariant((char)c);
            if (c < 128)
            {
                fold[c] = (byte)char.ToLowerInvariant((char)c);
            }
            else if (char.IsAsciiLetter(upper))
            {
                fold[c] = (byte)char.ToLowerInvariant(upper);
            }
        }

        return fold;
    }
}
