using Extraction.Facts.Analysis;
using Extraction.Model;
using Extraction.Text;

namespace Extraction.Facts.Decision;

/// <summary>The one feature function of the investment-or-not decision, shared by training (ExtractCandidates) and scoring.</summary>
internal sealed class DecisionFeatures(CueSets cues)
{
    private static readonly string[] WordsBefore = ["w-1=", "w-2=", "w-3="];
    private static readonly string[] WordsAfter = ["w+1=", "w+2=", "w+3="];

    /// <summary>
    /// Shallow features of a candidate figure for the fact model: its kind, currency evidence, the
    /// rules' verdict with the rule that gave it and the cue word it read, the distance of the nearest cues, the words around it, the cue words of its
    /// sentence, whether an actor is named, the sentence length. Training and scoring both call this.
    /// </summary>
    public List<string> Features(SentenceInfo s, int first, int last, FactKind kind, CurrencyEvidence evidence, bool retracted, RuleVerdict rule, NearCues near, string? protagonist = null)
    {
        var f = new List<string>(40) { "bias", KindFeature(kind), EvidenceFeature(evidence), rule.Accept ? "rule=accept" : "rule=reject", RuleFeature(rule.Rule) };
        if (rule.Word is { } word)
        {
            f.Add(Lowered("rule-cue=", word));
        }

        if (retracted)
        {
            f.Add("retracted");
        }

        var pos = InvestmentDecision.Distance(near.Positive, first, last);
        var neg = InvestmentDecision.Distance(near.Negative, first, last);
        f.Add(pos < 0 ? "pos=none" : pos <= 3 ? "pos=near" : pos <= 8 ? "pos=mid" : "pos=far");
        f.Add(neg < 0 ? "neg=none" : neg <= 3 ? "neg=near" : neg <= 8 ? "neg=mid" : "neg=far");
        if (pos >= 0 && neg >= 0)
        {
            f.Add(pos < neg ? "pos<neg" : "neg<=pos");
        }

        for (var k = Math.Max(0, first - 3); k < first; k++)
        {
            f.Add(Lowered(WordsBefore[first - k - 1], s.Tokens[k].Text));
        }

        for (var k = last + 1; k <= Math.Min(s.Tokens.Count - 1, last + 3); k++)
        {
            f.Add(Lowered(WordsAfter[k - last - 1], s.Tokens[k].Text));
        }

        var mask = s.Cues(cues.Lexicon);
        if (s.HasCue(cues.Lexicon, cues.Positive | cues.Negative))
        {
            for (var k = 0; k < mask.Length; k++)
            {
                if ((mask[k] & (cues.Positive | cues.Negative)) != 0)
                {
                    f.Add(Lowered("cue=", s.Tokens[k].Text));
                }
            }
        }

        f.Add(s.Actors.Count > 0 ? "actor=in-sentence" : "actor=none");
        f.Add(s.Tokens.Count < 12 ? "sent=short" : s.Tokens.Count < 40 ? "sent=mid" : "sent=long");
        ContextFeatures(f, s, first, last, near, protagonist);
        return f;
    }

    /// <summary>
    /// What the rules do not read: whether the nearest investment word is a weak one and how far the
    /// nearest strong one is; compound nouns of the sentence whose head is a cue ("Gesamtumsatz",
    /// "Landeszuschüsse"); the word ending the figure's clause (in German the verb or participle that
    /// governs it: "erhalten", "investiert"); the endings of the nouns next to the figure (the heads of
    /// compounds the cue list does not know); a question, a second figure in the sentence, a short line
    /// (a teaser, a caption, a heading); whether the article's main party is named in the sentence.
    /// </summary>
    private void ContextFeatures(List<string> f, SentenceInfo s, int first, int last, NearCues near, string? protagonist)
    {
        var strong = InvestmentDecision.Distance(near.StrongPositive, first, last);
        if (near.Positive >= 0)
        {
            f.Add(near.StrongPositive == near.Positive ? "pos=strong" : "pos=weak");
            f.Add(strong < 0 ? "strong=none" : strong <= 3 ? "strong=near" : strong <= 8 ? "strong=mid" : "strong=far");
        }

        var tokens = s.Tokens;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (k >= first && k <= last)
            {
                continue;
            }

            var text = tokens[k].Text;
            var distance = k < first ? first - k : k - last;
            if (cues.Lexicon.CompoundHead(text, "negative") is { } negative)
            {
                f.Add("head=" + negative);
                f.Add(distance <= 3 ? "head-neg=near" : distance <= 10 ? "head-neg=mid" : "head-neg=far");
            }

            if (cues.Lexicon.CompoundHead(text, "positive") is { } positive)
            {
                f.Add("head=" + positive);
                f.Add(distance <= 3 ? "head-pos=near" : distance <= 10 ? "head-pos=mid" : "head-pos=far");
            }
        }

        NounEnding(f, "n+1=", tokens, last + 1);
        NounEnding(f, "n-1=", tokens, first - 1);
        if (first >= 2 && tokens[first - 1].Text is "von" or "über" or "auf")
        {
            NounEnding(f, "n-2=", tokens, first - 2);
        }

        // The word before the first clause boundary after the figure.
        for (var k = last + 1; k < tokens.Count; k++)
        {
            var next = k + 1 < tokens.Count ? tokens[k + 1].Text : ".";
            if (next is "," or ";" or ":" or "." or "!" or "?" or "–" or "(" or ")" or "\"")
            {
                if (tokens[k].Kind == TokenKind.Word && char.IsLower(tokens[k].Text[0]))
                {
                    f.Add(Lowered("clause-end=", tokens[k].Text));
                }

                break;
            }
        }

        if (s.Text.AsSpan().TrimEnd().EndsWith("?"))
        {
            f.Add("question");
        }

        if (s.Money.Count >= 2)
        {
            f.Add("figures=2+");
        }

        f.Add(LineLength(s.ArticleText, tokens[first].Start) switch
        {
            < 80 => "line=short",
            < 250 => "line=mid",
            _ => "line=long",
        });

        f.Add(protagonist is null ? "protagonist=none" : s.Actors.Exists(a => a.Canonical == protagonist) ? "protagonist=in-sentence" : "protagonist=elsewhere");
    }

    // The last five letters of a capitalised word of seven or more: "Aufträge" and "Großaufträge" share "träge".
    private static void NounEnding(List<string> f, string prefix, List<Token> tokens, int k)
    {
        if (k >= 0 && k < tokens.Count && tokens[k].Kind == TokenKind.Word && tokens[k].Text.Length >= 7 && char.IsUpper(tokens[k].Text[0]))
        {
            f.Add(Lowered(prefix, tokens[k].Text[^5..]));
        }
    }

    // Characters of the line (between line breaks) that holds the offset.
    private static int LineLength(string text, int at)
    {
        var start = at > 0 ? text.LastIndexOf('\n', at - 1) + 1 : 0;
        var end = text.IndexOf('\n', at);
        return (end < 0 ? text.Length : end) - start;
    }

    private static string KindFeature(FactKind kind) => kind switch
    {
        FactKind.Investment => "kind=Investment",
        FactKind.Hardware => "kind=Hardware",
        _ => "kind=" + kind,
    };

    // The decision rule's identity (never its explanation text, so rewording an explanation does not change the model's input).
    private static string RuleFeature(DecisionRule rule) => rule switch
    {
        DecisionRule.InvestmentCue => "rule-id=InvestmentCue",
        DecisionRule.NoCue => "rule-id=NoCue",
        DecisionRule.NegativeCue => "rule-id=NegativeCue",
        DecisionRule.HardwareCount => "rule-id=HardwareCount",
        _ => "rule-id=" + rule,
    };

    private static string EvidenceFeature(CurrencyEvidence evidence) => evidence switch
    {
        CurrencyEvidence.Explicit => "currency=Explicit",
        CurrencyEvidence.BareDollar => "currency=BareDollar",
        CurrencyEvidence.Implied => "currency=Implied",
        _ => "currency=" + evidence,
    };

    // prefix + word.ToLowerInvariant(), in one string.
    public static string Lowered(string prefix, string word)
    {
        if (word.Length > 128)
        {
            return prefix + word.ToLowerInvariant();
        }

        Span<char> lower = stackalloc char[word.Length];
        var n = word.AsSpan().ToLowerInvariant(lower);
        return string.Concat(prefix.AsSpan(), lower[..n]);
    }
}
