using Extraction.Facts.Analysis;
using Extraction.Model;

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
    public List<string> Features(SentenceInfo s, int first, int last, FactKind kind, CurrencyEvidence evidence, bool retracted, RuleVerdict rule, NearCues near)
    {
        var f = new List<string>(26) { "bias", KindFeature(kind), EvidenceFeature(evidence), rule.Accept ? "rule=accept" : "rule=reject", RuleFeature(rule.Rule) };
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
        return f;
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
