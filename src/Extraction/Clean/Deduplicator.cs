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
        foreach (var block in blocks)
        {
            var sentences = SentenceSplitter.Split(block.Text);
            var kept = new StringBuilder(block.Text.Length);
            foreach (var s in sentences)
            {
                var sentence = block.Text.Substring(s.Start, s.Length);
                var key = Key(sentence);
                if (key.Length < MinKeyLength)
                {
                    // Short lines (headings) repeat only as whole blocks.
                    if (sentences.Count == 1 && key.Length > 0 && !seenShort.Add(key))
                    {
                        removed++;
                        continue;
                    }

                    Append(kept, sentence);
                    continue;
                }

                if (!seen.Add(key) || IsGluedRepeat(key, seen, headings))
                {
                    removed++;
                    continue;
                }

                if (sentences.Count == 1 && key.Length <= 200 && headings.Count < 500)
                {
                    headings.Add(key);
                }

                Append(kept, sentence);
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

    private static void Append(StringBuilder sb, string sentence)
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
    internal static string Key(string sentence)
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
