namespace Extraction.Ml.Ner;

/// <summary>
/// Reads GermEval 2014 NER files: '#' lines open a sentence, then "index TAB token TAB outer TAB inner"
/// lines, a blank line ends it. Every class is kept with its BIO prefix (PER, LOC, ORG, OTH and their
/// -part and -deriv forms, i.e. parts of words and derived adjectives); the organisation figures count
/// only the outer column's ORG spans, as the GermEval evaluation does.
/// </summary>
public static class GermEvalReader
{
    /// <summary>The class of organisation names.</summary>
    public const string Org = "ORG";

    /// <summary>Reads every sentence of the files, in file order.</summary>
    public static List<TaggedSentence> Read(params string[] paths)
    {
        var sentences = new List<TaggedSentence>();
        foreach (var path in paths)
        {
            var tokens = new List<string>();
            var tags = new List<string>();
            var inner = new List<string>();
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
                tags.Add(Label(cols[2]));
                inner.Add(cols.Length > 3 ? Label(cols[3]) : "O");
            }

            Flush();

            void Flush()
            {
                if (tokens.Count > 0)
                {
                    sentences.Add(new TaggedSentence([.. tokens], [.. tags], [.. inner]));
                    tokens.Clear();
                    tags.Clear();
                    inner.Clear();
                }
            }
        }

        return sentences;
    }

    // Interned, so a corpus of 150,000 tokens holds about 25 label strings.
    private static string Label(string s) => s.Length > 2 && s[1] == '-' && s[0] is 'B' or 'I' ? string.Intern(s) : "O";

    /// <summary>Spans (first and last token index) of one class in a BIO label sequence; an I without its B opens a span.</summary>
    public static List<(int First, int Last)> Spans(IReadOnlyList<string> tags, string type = Org)
    {
        var spans = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= tags.Count; i++)
        {
            var t = i < tags.Count ? tags[i] : "O";
            var ofType = t.Length == type.Length + 2 && t.EndsWith(type, StringComparison.Ordinal);
            if (start >= 0 && !(ofType && t[0] == 'I'))
            {
                spans.Add((start, i - 1));
                start = -1;
            }

            if (ofType && (t[0] == 'B' || start < 0))
            {
                start = i;
            }
        }

        return spans;
    }
}
