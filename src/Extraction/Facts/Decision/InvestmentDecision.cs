using Extraction.Facts.Analysis;
using Extraction.Model;
using Extraction.Text;

namespace Extraction.Facts.Decision;

/// <summary>
/// The rules' decision whether a figure is a fact: investment or not (cue words nearest the figure,
/// prices under 100,000), hardware or not (years, vague and per-unit counts, too few units).
/// </summary>
internal sealed class InvestmentDecision(CueSets cues)
{
    public NearCues NearestCues(SentenceInfo s, int first, int last)
    {
        var mask = s.Cues(cues.Lexicon);
        return new NearCues(
            s.HasCue(cues.Lexicon, cues.Positive) ? NearestIndex(mask, first, last, cues.Positive) : -1,
            s.HasCue(cues.Lexicon, cues.Negative) ? NearestIndex(mask, first, last, cues.Negative) : -1);
    }

    public RuleVerdict Decide(SentenceInfo s, int first, int last, FactKind kind, bool retracted, NearCues near)
    {
        if (retracted)
        {
            return new(false, 0.05, DecisionRule.Retracted);
        }

        var pos = Distance(near.Positive, first, last);
        var neg = Distance(near.Negative, first, last);
        if (kind == FactKind.Hardware)
        {
            var figure = s.Tokens[first].Kind == TokenKind.Word && first + 1 <= last ? s.Tokens[first + 1] : s.Tokens[first];
            var before = first > 0 ? s.Tokens[first - 1].Text.ToLowerInvariant() : "";
            if (figure.Kind == TokenKind.Number && figure.Text.Length == 4 && figure.Text[0] is '1' or '2' && !figure.Text.Contains('.', StringComparison.Ordinal))
            {
                return new(false, 0.1, DecisionRule.Year);
            }

            if (before is "je" or "pro" or "einigen" or "mehreren" or "einige" or "mehrere" || figure.Text is "Tausend" or "tausend" or "Hundert" or "hundert")
            {
                return new(false, 0.15, DecisionRule.VagueCount);
            }

            if (HardwareCount(s, first, last) < 16)
            {
                return new(false, 0.2, DecisionRule.TooFewUnits);
            }

            return neg is >= 0 and <= 2 ? new(false, 0.2, DecisionRule.HardwareNearNegative) : new(true, 0.9, DecisionRule.HardwareCount);
        }

        var money = FirstMoneyIn(s, first, last);
        if (money is not null && money.Amount.Max < 100_000m)
        {
            return new(false, 0.1, DecisionRule.TooSmall);
        }

        if (neg >= 0 && (pos < 0 || neg < pos))
        {
            return new(false, 0.15, DecisionRule.NegativeCue, s.Tokens[near.Negative].Text);
        }

        if (pos < 0)
        {
            return new(false, 0.3, DecisionRule.NoCue);
        }

        return new(true, pos <= 6 ? 0.9 : 0.75, DecisionRule.InvestmentCue, s.Tokens[near.Positive].Text);
    }

    private static MoneyMention? FirstMoneyIn(SentenceInfo s, int first, int last)
    {
        int from = s.Tokens[first].Start, to = s.Tokens[last].Start;
        foreach (var m in s.Money)
        {
            if (m.Start >= from && m.Start <= to)
            {
                return m;
            }
        }

        return null;
    }

    private static long HardwareCount(SentenceInfo s, int first, int last)
    {
        int from = s.Tokens[first].Start, to = s.Tokens[last].Start;
        foreach (var h in s.Hardware)
        {
            if (h.Start >= from && h.Start <= to)
            {
                return h.Count.Min;
            }
        }

        return 0;
    }

    // Tokens between a figure and a cue at index k (-1: no cue).
    public static int Distance(int k, int first, int last) => k < 0 ? -1 : (k < first ? first - k : k - last);

    // The nearest token outside [first, last] in a cue set of bits, the one before on a tie.
    private static int NearestIndex(int[] cues, int first, int last, int bits)
    {
        for (var d = 1; d < cues.Length; d++)
        {
            if (first - d >= 0 && (cues[first - d] & bits) != 0)
            {
                return first - d;
            }

            if (last + d < cues.Length && (cues[last + d] & bits) != 0)
            {
                return last + d;
            }

            if (first - d < 0 && last + d >= cues.Length)
            {
                break;
            }
        }

        return -1;
    }
}
