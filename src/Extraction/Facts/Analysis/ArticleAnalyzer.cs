using Extraction.Facts.Actors;
using Extraction.Recognize;
using Extraction.Text;

namespace Extraction.Facts.Analysis;

/// <summary>
/// The first step of fact extraction: the article's sentences, their tokens, the money and hardware
/// figures the recognisers find, the actors the candidate sources name, and where a retraction starts.
/// </summary>
internal sealed class ArticleAnalyzer(ActorGazetteer gazetteer, IReadOnlyList<IActorCandidateSource> sources, CueLexicon cues)
{
    private readonly AmountRecognizer _amounts = new();
    private readonly HardwareRecognizer _hardware = new();

    // Per source: itself where it is a fallback that the analyser can answer for (it comes right after the shipped
    // sources and shares the gazetteer: whether any of them found a party is whether anything was found before it), else null.
    private readonly IFallbackActorSource?[] _fallbacks = [.. sources.Select((s, i) =>
        s is IFallbackActorSource { Gazetteer: { } g } f && ReferenceEquals(g, gazetteer) && sources.Take(i).SequenceEqual(ActorSources.Default) ? f : null)];

    public List<SentenceInfo> Analyze(string text)
    {
        var spans = SentenceSplitter.Split(text);
        var sentences = new List<SentenceInfo>(spans.Count);
        foreach (var s in spans)
        {
            var tokens = Tokenizer.Tokenize(text, s.Start, s.Length);
            var figure = AmountRecognizer.FirstFigure(tokens); // most sentences have none: both scans skip them
            sentences.Add(new SentenceInfo(s, text, tokens,
                Actors(text, tokens, figure),
                _amounts.Recognize(text, tokens, figure),
                _hardware.Recognize(text, tokens, figure),
                cues.RetractedBefore(text.AsSpan(s.Start, s.Length))));
        }

        if (sources.Count > 0)
        {
            NameAgain(sentences);
        }

        return sentences;
    }

    private static bool IsUpper(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    // One name, one party per article: an organisation a source recognised once by its context ("Solvix-Chef",
    // "hat Solvix die Firma übernommen") is the same party where the article names it bare ("Solvix mitbringt").
    // Gazetteer names are found everywhere already; names inside a sentence are repeated, not a sentence's first word.
    private static void NameAgain(List<SentenceInfo> sentences)
    {
        HashSet<string>? names = null;
        foreach (var s in sentences)
        {
            foreach (var a in s.Actors)
            {
                // A sentence's first word taken as its subject ("Europa will ...") is too weak a guess to repeat.
                // Abbreviations are found wherever they stand already, or were guessed by a weaker source ("KMU").
                if (a.Type == "org" && a.Canonical.Length >= 3 && !a.Canonical.Contains(' ', StringComparison.Ordinal) && !IsUpper(a.Canonical) 
                    && (a.FirstToken > 0 || (s.Tokens.Count > 1 && s.Tokens[1].Text == "-")))
                {
                    (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(a.Canonical);
                }
            }
        }

        if (names is null)
        {
            return;
        }

        foreach (var s in sentences)
        {
            var added = false;
            for (var k = 0; k < s.Tokens.Count; k++)
            {
                var t = s.Tokens[k];
                if (t.Kind == TokenKind.Word && names.Contains(t.Text) && !ActorMentions.IsInActor(s.Actors, k))
                {
                    s.Actors.Add(new ActorMention(k, k, t.Start, t.End, t.Text, t.Text, "org"));
                    added = true;
                }
            }

            if (added)
            {
                s.Actors.Sort((x, y) => x.FirstToken.CompareTo(y.FirstToken));
            }
        }
    }

    // The gazetteer's mentions, then each further source's that overlap none found so far, in token order.
    private List<ActorMention> Actors(string text, List<Token> tokens, int figure)
    {
        var found = gazetteer.Find(tokens, 0, tokens.Count);
        if (sources.Count == 0)
        {
            return found;
        }

        var added = false;
        var more = new List<ActorMention>();
        for (var i = 0; i < sources.Count; i++)
        {
            more.Clear();
            if (_fallbacks[i] is { } fallback)
            {
                if (found.Count > 0 || figure >= tokens.Count)
                {
                    continue;
                }

                fallback.FindUnclaimed(text, tokens, more);
            }
            else
            {
                sources[i].Find(text, tokens, more);
            }

            foreach (var m in more)
            {
                if (!found.Exists(a => a.FirstToken <= m.LastToken && m.FirstToken <= a.LastToken))
                {
                    found.Add(m);
                    added = true;
                }
            }
        }

        if (added)
        {
            found.Sort((x, y) => x.FirstToken.CompareTo(y.FirstToken));
        }

        return found;
    }
}
