using Extraction.Model;
using Extraction.Text;

namespace Extraction.Recognize;

/// <summary>
/// Finds money amounts in German text: figures in digits or words, scales (Mio., Mrd., Milliarden),
/// ranges ("16 bis 18 Milliarden"), currencies before or after, and qualifiers (rund, über, bis zu).
/// Amounts with a scale but no currency are returned with <see cref="CurrencyEvidence.Implied"/>
/// and a null currency, for the caller to resolve from context.
/// </summary>
public sealed class AmountRecognizer
{
    /// <summary>Finds all money mentions in the text.</summary>
    public IReadOnlyList<MoneyMention> Recognize(string text) => Recognize(text, Tokenizer.Tokenize(text));

    /// <summary>Finds all money mentions in pre-tokenized text.</summary>
    public IReadOnlyList<MoneyMention> Recognize(string text, List<Token> tokens)
    {
        var found = new List<MoneyMention>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (TryAt(text, tokens, i, out var mention, out var next))
            {
                found.Add(mention);
                i = next;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    internal static bool TryFigure(List<Token> tokens, int i, out decimal value)
    {
        value = 0;
        var t = tokens[i];
        return t.Kind switch
        {
            TokenKind.Number => GermanNumbers.TryParseDigits(t.Text, out value),
            TokenKind.Word => GermanNumbers.TryParseWord(t.Text, out value),
            _ => false,
        };
    }

    /// <summary>Reads an optional scale at index j (allowing "20-Milliarden" and "Mrd."), returning the index after it.</summary>
    internal static int ReadScale(List<Token> tokens, int j, out decimal? scale)
    {
        scale = null;
        var k = j;
        if (k + 1 < tokens.Count && tokens[k].Text == "-" && Lexicon.Scale(tokens[k + 1]) is not null)
        {
            k++;
        }

        if (k < tokens.Count && Lexicon.Scale(tokens[k]) is { } s)
        {
            scale = s;
            k++;
            if (k < tokens.Count && tokens[k].Text == "." && tokens[k].Start == tokens[k - 1].End && Lexicon.IsAbbreviatedScale(tokens[k - 1]))
            {
                k++;
            }

            return k;
        }

        return j;
    }

    private static bool TryAt(string text, List<Token> tokens, int i, out MoneyMention mention, out int next)
    {
        mention = null!;
        next = i + 1;
        if (!TryFigure(tokens, i, out var v1))
        {
            return false;
        }

        var isWord = tokens[i].Kind == TokenKind.Word;
        var j = ReadScale(tokens, i + 1, out var scale1);
        var min = v1;
        var max = v1;
        decimal? scale2 = null;
        var isRange = false;
        var rangeStart = i;

        // Ranges: "16 bis 18 Milliarden", "10-20 Mio.", "zwischen 10 und 20 Mio."
        var between = i > 0 && tokens[i - 1].Is("zwischen");
        if (j + 1 < tokens.Count
            && ((tokens[j].Text is "-" or "–" or "—" && tokens[j].Kind == TokenKind.Punct)
                || (tokens[j].Is("bis") && !tokens[j + 1].Is("zu"))
                || (between && tokens[j].Is("und")))
            && TryFigure(tokens, j + 1, out var v2))
        {
            var k = ReadScale(tokens, j + 2, out scale2);
            var scaled = scale1 is not null || scale2 is not null;
            if (scaled && !(scale1 is not null && scale2 is null) && v2 >= v1)
            {
                isRange = true;
                max = v2;
                scale1 ??= scale2;
                j = k;
                if (between)
                {
                    rangeStart = i - 1;
                }
            }
        }

        var currency = Lexicon.CurrencyAfter(tokens, j);
        if (currency is null && j + 1 < tokens.Count && tokens[j].Text == "-" && scale1 is not null)
        {
            // "20-Milliarden-Euro-Fonds"
            currency = Lexicon.CurrencyAfter(tokens, j + 1);
        }

        var before = currency is null ? Lexicon.CurrencyBefore(tokens, isRange && between ? i - 1 : i) : null;
        var first = before?.First ?? rangeStart;
        string? code = currency?.Code ?? before?.Code;
        var evidence = currency?.Evidence ?? before?.Evidence ?? CurrencyEvidence.Implied;
        var end = currency?.Next ?? j;

        if (code is null)
        {
            // Without a currency, only a scaled figure followed by no counted noun can be money.
            if (scale1 is null or < 1_000_000m || isWord && v1 < 1 || !ImpliedMoneyContext(tokens, j))
            {
                return false;
            }
        }

        if (isWord && scale1 is null && v1 < 1000)
        {
            // "zwei Euro" is a price, never an AI investment; written numbers need a scale.
            return false;
        }

        var multiplier = scale1 ?? 1m;
        var (qualifier, qStart) = Lexicon.QualifierBefore(tokens, first);
        var startOffset = tokens[qStart].Start;
        var endOffset = tokens[end - 1].End;
        var amount = new Amount(min * multiplier, max * multiplier, code, qualifier);
        mention = new MoneyMention(startOffset, endOffset - startOffset, text[startOffset..endOffset], amount, evidence);
        next = end;
        _ = isRange;
        return true;
    }

    // "300 Millionen sollen ...", "eine Milliarde in ...", "20-Milliarden-Investition": money;
    // "100 Millionen Nutzer": not.
    private static bool ImpliedMoneyContext(List<Token> tokens, int j)
    {
        if (j >= tokens.Count)
        {
            return true;
        }

        var t = tokens[j];
        if (t.Text == "-" && j + 1 < tokens.Count)
        {
            var head = tokens[j + 1].Text;
            return head.StartsWith("Invest", StringComparison.Ordinal) || head.StartsWith("Förder", StringComparison.Ordinal)
                || head is "Fonds" or "Paket" or "Programm" or "Budget" or "Deal" or "Finanzierung" or "Spritze" or "Subvention" or "Zuschuss";
        }

        if (t.Kind == TokenKind.Word && char.IsUpper(t.Text[0]))
        {
            return false;
        }

        return true;
    }
}
