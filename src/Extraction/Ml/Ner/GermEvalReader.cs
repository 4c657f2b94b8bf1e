namespace Extraction.Ml.Ner;

/// <summary>One sentence of tokens with their organisation tags (O, B, I: begin and inside of an ORG span).</summary>
public sealed record TaggedSentence(IReadOnlyList<string> Tokens, IReadOnlyList<char> Tags);

/// <summary>
/// Reads GermEval 2014 NER files: '#' lines open a sentence, then "index TAB token TAB outer TAB inner"
/// lines, a blank line ends it. Only the outer column's ORG spans (B-ORG, I-ORG) count as organisations;
/// ORGpart and ORGderiv (parts of words, derived adjectives) are not organisation names and are O.
/// </summary>
public static class GermEvalReader
{
    /// <summary>Reads every sentence of the files, in file order.</summary>
    public static List<TaggedSentence> Read(params string[] paths)
    {
        var sentences = new List<TaggedSentence>();
        foreach (var path in paths)
        {
            var tokens = new List<string>();
            var tags = new List<char>();
            var lineNo = 0;
            foreach (var raw in File.ReadLines(path))
            {
                lineNo++;
                var line = raw.TrimEnd('\r');
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    Flush();
                    continue;
                }

                var cols = line.Split('\t');
                if (cols.Length < 3)
                {
                    throw new FormatException($"{path}:{lineNo}: expected index, token and tag separated by tabs");
                }

                tokens.Add(cols[1]);
                tags.Add(cols[2] switch { "B-ORG" => 'B', "I-ORG" => 'I', _ => 'O' });
            }

            Flush();

            void Flush()
            {
                if (tokens.Count > 0)
                {
                    sentences.Add(new TaggedSentence([.. tokens], [.. tags]));
                    tokens.Clear();
                    tags.Clear();
                }
            }
        }

        return sentences;
    }

    /// <summary>ORG spans (first and last token index) of a tag sequence; an I without B opens a span.</summary>
    public static List<(int First, int Last)> Spans(IReadOnlyList<char> tags)
    {
        var spans = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= tags.Count; i++)
        {
            var t = i < tags.Count ? tags[i] : 'O';
            if (start >= 0 && t != 'I')
            {
                spans.Add((start, i - 1));
                start = -1;
            }

            if (t == 'B' || (t == 'I' && start < 0))
            {
                start = i;
            }
        }

        return spans;
    }
}
