using System.Text;
using Extraction.Text;

namespace Extraction.Clean;

/// <summary>
/// Removes repeated sentences across an article, first kept: exact repeats after normalising case,
/// punctuation and white space, and sentences that are an earlier sentence with a known prefix
/// glued on (a heading run into a repeated body). Works at sentence level, so a body repeated
/// inside one long line is caught too; nothing unique is dropped.
/// </summary>
public static class Deduplicator
{
    private const int MinKeyLength = 20;

    /// <summary>The blocks with repeated sentences removed, and how many sentences were removed.</summary>
    public static (List<Block> Blocks, int Removed) Deduplicate(IReadOnlyList<Block> blocks)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenShort = new HashSet<string>(StringComparer.Ordinal);
        var headings = new List<string>();
        var result = new List<Block>(blocks.Count);
        var removed = 0;
        var keep = new List<bool>();
        foreach (var block in blocks)
        {
            var text = block.Text;
            var sentences = SentenceSplitter.Split(text);
            keep.Clear();
            var drops = 0;
            foreach (var s in sentences)
            {
                var key = Key(text.AsSpan(s.Start, s.Length));
                bool repeated;
                if (key.Length < MinKeyLength)
                {
                    // Short lines (headings) repeat only as whole blocks.
                    repeated = sentences.Count == 1 && key.Length > 0 && !seenShort.Add(key);
                }
                else
                {
                    repeated = !seen.Add(key) || IsGluedRepeat(key, seen, headings);
                    if (!repeated && sentences.Count == 1 && key.Length <= 200 && headings.Count < 500)
                    {
                        headings.Add(key);
                    }
                }

                keep.Add(!repeated);
                drops += repeated ? 1 : 0;
            }

            removed += drops;
            if (drops == 0 && IsJoinedBySingleSpaces(text, sentences))
            {
                // Nothing dropped, and the sentences joined by single spaces are the text itself.
                result.Add(block);
                continue;
            }

            var kept = new StringBuilder(text.Length);
            for (var k = 0; k < sentences.Count; k++)
            {
                if (keep[k])
                {
                    Append(kept, text.AsSpan(sentences[k].Start, sentences[k].Length));
                }
            }

            if (kept.Length > 0)
            {
                result.Add(block with { Text = kept.ToString() });
            }
            else
            {
                removed++;
            }
        }

        return (result, removed);
    }

    private static bool IsJoinedBySingleSpaces(string text, List<SentenceSpan> sentences)
    {
        if (sentences.Count == 0 || sentences[0].Start != 0 || sentences[^1].End != text.Length)
        {
            return false;
        }

        for (var k = 1; k < sentences.Count; k++)
        {
            if (sentences[k].Start != sentences[k - 1].End + 1 || text[sentences[k - 1].End] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private static void Append(StringBuilder sb, ReadOnlySpan<char> sentence)
    {
        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append(sentence);
    }

    // "Heading Body sentence." where "Body sentence." and "Heading" were both seen before.
    private static bool IsGluedRepeat(string key, HashSet<string> seen, List<string> headings)
    {
        foreach (var prefix in headings)
        {
            if (prefix.Length < key.Length && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = key[prefix.Length..];
                if (rest.Length >= MinKeyLength && seen.Contains(rest))
                {
                    seen.Remove(key);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Letters and digits only, lower-cased: the identity of a sentence.</summary>
    internal static string Key(string sentence) => Key(sentence.AsSpan());

    private static string Key(ReadOnlySpan<char> sentence)
    {
        var buffer = sentence.Length <= 512 ? stackalloc char[sentence.Length] : new char[sentence.Length];
        var n = 0;
        foreach (var c in sentence)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}
