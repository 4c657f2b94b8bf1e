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
        var positive = s.HasCue(cues.Lexicon, cues.Positive) ? NearestIndex(mask, first, last, cues.Positive) : -1;
        var strong = positive >= 0 && (mask[positive] & cues.Weak) != 0 ? NearestIndex(mask, first, last, cues.Positive, cues.Weak) : positive;
        return new NearCues(positive, s.HasCue(cues.Lexicon, cues.Negative) ? NearestIndex(mask, first, last, cues.Negative) : -1, strong);
    }

    public RuleVerdict Decide(SentenceInfo s, int first, int last, FactKind kind, bool retracted, NearCues near, ArticleTopic? topic = null)
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

            // "100.000 solcher Beschleuniger": a count of such units is a reckoning, not units someone gets.
            if (before is "je" or "pro" or "einigen" or "mehreren" or "einige" or "mehrere" || figure.Text is "Tausend" or "tausend" or "Hundert" or "hundert"
                || Generic(s, first, last))
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

        if (PerUnit(s, last))
        {
            return new(false, 0.1, DecisionRule.PerUnit);
        }

        if (IsConversion(s, first) || ConversionWordBefore(s, first))
        {
            return new(false, 0.1, DecisionRule.Conversion);
        }

        // A word of the guide's "No" list (revenue, profit, taxes, debts, fines, prices ...) decides
        // unless a strong investment word stands nearer; weak ones ("Mittel", "Summe", "kostet")
        // only count in a sentence without any "No" word.
        var strong = Distance(near.StrongPositive, first, last);
        // A mild "No" word ("wert": "Die Übernahme ist 6 Milliarden wert") gives way to any strong investment word of the sentence.
        var mild = neg >= 0 && strong >= 0 && s.CueAt(cues.Lexicon, near.Negative, cues.Mild) != 0;
        if (neg >= 0 && (strong < 0 || neg <= strong) && !mild)
        {
            return new(false, 0.15, DecisionRule.NegativeCue, s.Tokens[near.Negative].Text);
        }

        if (pos < 0)
        {
            return new(false, 0.3, DecisionRule.NoCue);
        }

        // In an insolvency or a court report, "Kredite", "Mittel", "flossen" name debts and the sums at issue.
        if (strong < 0 && topic is { IsDistress: true })
        {
            return new(false, 0.25, DecisionRule.GeneralWordInDistress, s.Tokens[near.Positive].Text);
        }

        return new(true, pos <= 6 ? 0.9 : 0.75, DecisionRule.InvestmentCue, s.Tokens[near.Positive].Text);
    }

    // "Das sind umgerechnet rund 340 Millionen Euro": a conversion word up to two words before the figure.
    private bool ConversionWordBefore(SentenceInfo s, int first)
    {
        for (var k = Math.Max(0, first - 2); k < first; k++)
        {
            if (s.CueAt(cues.Lexicon, k, cues.Conversion) != 0)
            {
                return true;
            }
        }

        return false;
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

    private static bool Generic(SentenceInfo s, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (s.Tokens[i].Text.ToLowerInvariant() is "solcher" or "solche" or "solchen" or "derartiger" or "derartige" or "derartigen")
            {
                return true;
            }
        }

        return false;
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
    private static int NearestIndex(int[] cues, int first, int last, int bits, int without = 0)
    {
        for (var d = 1; d < cues.Length; d++)
        {
            if (first - d >= 0 && (cues[first - d] & bits) != 0 && (cues[first - d] & without) == 0)
            {
                return first - d;
            }

            if (last + d < cues.Length && (cues[last + d] & bits) != 0 && (cues[last + d] & without) == 0)
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

    // "... 1.000 Euro pro Quadratmeter", "je Einwohner": a price or amount per unit; per year or month is a rate of spending and stays.
    private static bool PerUnit(SentenceInfo s, int last)
    {
        var k = last + 1;
        if (k + 1 >= s.Tokens.Count || !(s.Tokens[k].Is("pro") || s.Tokens[k].Is("je")))
        {
            return false;
        }

        return s.Tokens[k + 1].Text is not ("Jahr" or "Monat" or "Woche" or "Tag" or "Quartal" or "Jahrzehnt" or "Halbjahr" or "Saison");
    }

    // "30 Mrd. Rubel (umgerechnet 370 Mio. Euro)", "40 Mrd. Dollar (34 Mrd. Euro)": the article's own
    // conversion of the figure just before; the original is the fact.
    private static bool IsConversion(SentenceInfo s, int first)
    {
        var start = s.Tokens[first].Start;
        var text = s.ArticleText;
        foreach (var m in s.Money)
        {
            var end = m.Start + m.Length;
            if (end > start || start - end > 24)
            {
                continue;
            }

            var between = text.AsSpan(end, start - end).Trim();
            if (between.StartsWith("(") || between.Contains("umgerechnet", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
