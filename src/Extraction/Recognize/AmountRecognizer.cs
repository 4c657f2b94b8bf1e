using System.Globalization;
using Extraction.Model;
using Extraction.Text;

namespace Extraction.Recognize;

/// <summary>
/// Finds money amounts in German text: figures in digits or words, scales (Mio., Mrd., Milliarden),
/// ranges ("16 bis 18 Milliarden"), currencies before or after, and qualifiers (rund, über, bis zu).
/// Amounts with a scale but no currency are returned with <see cref="CurrencyEvidence.Implied"/>
/// and a null currency, for the caller to resolve from context.
/// </summary>
public sealed partial class AmountRecognizer
{
    // No real amount comes near this; it also keeps figure × scale inside decimal's range.
    private const decimal MaxFigure = 1_000_000_000_000_000m;

    /// <summary>Finds all money mentions in the text.</summary>
    public IReadOnlyList<MoneyMention> Recognize(string text) => Recognize(text, Tokenizer.Tokenize(text));

    /// <summary>Finds all money mentions in pre-tokenized text.</summary>
    public IReadOnlyList<MoneyMention> Recognize(string text, List<Token> tokens) => MentionScanner.Scan<MoneyMention>(text, tokens, TryAt);

    /// <summary>Finds all money mentions in pre-tokenized text, whose first figure is at token <paramref name="from"/> or later (<see cref="FirstFigure"/>).</summary>
    internal IReadOnlyList<MoneyMention> Recognize(string text, List<Token> tokens, int from) => MentionScanner.Scan<MoneyMention>(text, tokens, TryAt, from);

    private static bool TryAt(string text, List<Token> tokens, int i, out MoneyMention mention, out int next)
    {
        mention = null!;
        next = i + 1;
        if (!TryReadFigure(tokens, i, out var v1, out var j))
        {
            return false;
        }

        var isWord = tokens[i].Kind == TokenKind.Word;
        if (j == i + 1 && IsEnglishContext(tokens, i) && TryEnglishGrouping(tokens[i].Text, out var english))
        {
            v1 = english; // "$1,500 million", "$30,000": an English thousands comma, not a German decimal
        }

        j = ReadScale(tokens, j, v1, out var scale1, out var weak);
        var min = v1 * (scale1 ?? 1m);
        var max = min;
        var isRange = false;
        var between = i > 0 && tokens[i - 1].Is("zwischen");

        // Ranges: "16 bis 18 Milliarden", "10-20 Mio.", "zwischen 10 und 20 Mio.", "500 Millionen bis 1 Milliarde",
        // "500.000 bis 1 Million"; "zwischen 30.000 und 40.000 Dollar" needs the currency instead of a scale.
        // A scale on the first figure alone ends it: "5 Milliarden bis 2030" is no range.
        if (TryRangeEnd(tokens, j, between, out var v2, out var afterV2) && v2 <= MaxFigure)
        {
            var k = ReadScale(tokens, afterV2, v2, out var scale2, out var weak2);
            decimal? lo = null, hi = null;
            if (scale2 is not null && !weak2)
            {
                hi = v2 * scale2.Value;
                lo = v1 * (scale1 ?? scale2.Value);
                if (scale1 is null && lo >= hi)
                {
                    lo = v1; // "500.000 bis 1 Million"
                }
            }
            else if (scale1 is null && scale2 is null
                && (CurrencyWords.After(tokens, k) is not null || CurrencyWords.Before(tokens, between ? i - 1 : i) is not null))
            {
                lo = v1;
                hi = v2;
            }

            if (lo is { } l && hi is { } h && h > l)
            {
                isRange = true;
                min = l;
                max = h;
                scale1 ??= scale2;
                j = k;
            }
        }

        var currency = CurrencyWords.After(tokens, j);
        if (currency is null && scale1 is not null && j + 1 < tokens.Count && tokens[j].Text == "-" && tokens[j].Start == tokens[j - 1].End)
        {
            // "20-Milliarden-Euro-Fonds"
            currency = CurrencyWords.After(tokens, j + 1);
        }

        var rangeStart = isRange && between ? i - 1 : i;
        var before = currency is null ? CurrencyWords.Before(tokens, rangeStart) : null;
        var first = before?.First ?? rangeStart;
        var code = currency?.Code ?? before?.Code;
        var evidence = currency?.Evidence ?? before?.Evidence ?? CurrencyEvidence.Implied;
        var end = currency?.Next ?? j;

        if (min <= 0)
        {
            return false; // "000 Euro" is the tail of a figure split by a space, never an amount
        }

        if (code is null)
        {
            // Without a currency, only a scaled figure followed by no counted noun can be money.
            if (scale1 is null or < 1_000_000m || weak || !ImpliedMoneyContext(tokens, j) || CountOfSomethingBefore(tokens, i))
            {
                return false;
            }
        }

        if (isWord && scale1 is null && v1 < 1000)
        {
            // "zwei Euro" is a price, never an AI investment; written numbers need a scale.
            return false;
        }

        if (isWord && i > 0 && tokens[i - 1].Text is "mehrere" or "mehreren" or "einige" or "einigen" or "etliche" or "etlichen"
            or "viele" or "vielen" or "paar" or "wenige" or "wenigen")
        {
            return false; // "mehrere Hundert Millionen Euro" is a vague magnitude
        }

        var (qualifier, qStart) = Lexicon.QualifierBefore(tokens, first);
        var startOffset = tokens[qStart].Start;
        var endOffset = tokens[end - 1].End;
        var amount = new Amount(min, max, code, qualifier);
        mention = new MoneyMention(startOffset, endOffset - startOffset, text[startOffset..endOffset], amount, evidence);
        next = end;
        return true;
    }

    // A figure written the English way: after "$" or "£", or before "million"/"billion"/"bn".
    private static bool IsEnglishContext(List<Token> tokens, int i) =>
        (i > 0 && tokens[i - 1].Kind == TokenKind.Symbol && tokens[i - 1].Text is "$" or "£")
        || (i + 1 < tokens.Count && tokens[i + 1].Text is "million" or "millions" or "billion" or "billions" or "trillion" or "bn" or "mn");

    // "1,500" or "12,000,000": groups of three after commas, and nothing else.
    private static bool TryEnglishGrouping(string s, out decimal value)
    {
        value = 0;
        var comma = s.IndexOf(',', StringComparison.Ordinal);
        if (comma is < 1 or > 3 || s.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        return (s.Length - comma) % 4 == 0 && IsGroupedBy(s, comma)
            && decimal.TryParse(s.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out value);

        static bool IsGroupedBy(string s, int comma)
        {
            for (var k = comma; k < s.Length; k++)
            {
                var isSep = (k - comma) % 4 == 0;
                if (isSep ? s[k] != ',' : !char.IsAsciiDigit(s[k]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    // "Die Zahl der Einwohner stieg auf 4,1 Millionen": a figure without a currency after "Zahl"/"Anzahl" counts something.
    private static bool CountOfSomethingBefore(List<Token> tokens, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 10); k--)
        {
            if (tokens[k].Text is "Zahl" or "Anzahl")
            {
                return true;
            }
        }

        return false;
    }

    // "300 Millionen sollen ...", "eine Milliarde in ...", "20-Milliarden-Investition", "2 Milliarden Fördergelder":
    // money; "100 Millionen Nutzer", "300 Millionen neue Nutzer", "1 Million GPU-Stunden": not.
    private static bool ImpliedMoneyContext(List<Token> tokens, int j)
    {
        if (j >= tokens.Count)
        {
            return true;
        }

        var t = tokens[j];
        if (t.Text == "-" && j + 1 < tokens.Count && t.Start == tokens[j - 1].End)
        {
            return Lexicon.IsMoneyCompoundHead(tokens[j + 1].Text);
        }

        if (t.Kind != TokenKind.Word)
        {
            return true;
        }

        // "10 Millionen iPhones", "2 Millionen eBooks": a noun spelled with a small first letter.
        if (char.IsLower(t.Text[0]) && t.Text.Length > 2 && char.IsUpper(t.Text[1]))
        {
            return false;
        }

        if (char.IsUpper(t.Text[0]))
        {
            return Lexicon.IsMoneyNoun(t.Text);
        }

        // An adjective before a counted noun: "300 Millionen neue Nutzer".
        if (j + 1 < tokens.Count && IsAdjectiveLike(t.Text) && tokens[j + 1].Kind == TokenKind.Word && char.IsUpper(tokens[j + 1].Text[0]))
        {
            return Lexicon.IsMoneyNoun(tokens[j + 1].Text);
        }

        return true;
    }

    /// <summary>
    /// A lower-case word that may be an inflected adjective or participle ("neue", "hochmodernen", "zusätzliche"),
    /// not a verb or function word ("sollen", "werden", "einer").
    /// </summary>
    internal static bool IsAdjectiveLike(string w) =>
        w.Length >= 4 && char.IsLower(w[0])
        && (w.EndsWith('e') || w.EndsWith("en", StringComparison.Ordinal) || w.EndsWith("er", StringComparison.Ordinal)
            || w.EndsWith("es", StringComparison.Ordinal) || w.EndsWith("em", StringComparison.Ordinal))
        && !Lexicon.IsFunctionWord(w);
}
