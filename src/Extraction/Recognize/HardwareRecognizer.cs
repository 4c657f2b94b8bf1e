using Extraction.Model;
using Extraction.Text;

namespace Extraction.Recognize;

/// <summary>
/// Finds counts of compute hardware: "100.000 Nvidia H100 GPUs", "mindestens 10.000 GPUs",
/// "rund 100.000 KI-Chips der neuesten Generation", "8.000 B200-Beschleuniger", "20.000 GPUs vom Typ H100".
/// People, percentages and vague magnitudes ("Zehntausende") are never counts here: a unit noun is required.
/// </summary>
public sealed class HardwareRecognizer
{
    /// <summary>Finds all hardware counts in the text.</summary>
    public IReadOnlyList<HardwareMention> Recognize(string text) => Recognize(text, Tokenizer.Tokenize(text));

    /// <summary>Finds all hardware counts in pre-tokenized text.</summary>
    public IReadOnlyList<HardwareMention> Recognize(string text, List<Token> tokens)
    {
        var found = new List<HardwareMention>();
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

    private static bool TryAt(string text, List<Token> tokens, int i, out HardwareMention mention, out int next)
    {
        mention = null!;
        next = i + 1;
        if (!AmountRecognizer.TryFigure(tokens, i, out var value))
        {
            return false;
        }

        if (tokens[i].Kind == TokenKind.Word && tokens[i].Text.StartsWith("ein", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var j = AmountRecognizer.ReadScale(tokens, i + 1, out var scale);
        if (scale is >= 1_000_000_000m)
        {
            return false;
        }

        string? vendor = null;
        string? model = null;
        string? unit = null;

        // Up to five tokens of adjectives, vendor, model and hyphens before the unit noun.
        var limit = Math.Min(tokens.Count, j + 7);
        var k = j;
        for (; k < limit; k++)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Word && Lexicon.HardwareUnit(t.Text) is { } u)
            {
                unit = u;
                break;
            }

            if (t.Kind == TokenKind.Word && (t.Text is "Äquivalente" or "Äquivalenten" or "Equivalents") && model is not null)
            {
                unit = "GPU";
                break;
            }

            if (t.Text == "-" || t.Text is "„" or "“" or "\"")
            {
                continue;
            }

            if (t.Kind != TokenKind.Word)
            {
                return false;
            }

            if (Lexicon.IsVendor(t.Text))
            {
                vendor ??= t.Text.TrimEnd('s') == "Nvidia" ? "Nvidia" : t.Text;
                continue;
            }

            if (Lexicon.IsModel(t.Text))
            {
                model ??= t.Text;
                continue;
            }

            // "KI-Chips", "hochmodernen", "neuesten", "zusätzliche": modifiers.
            if (t.Text is "KI" or "AI" or "HPC" or "Hochleistungs" or "Rechen" || char.IsLower(t.Text[0]))
            {
                continue;
            }

            return false;
        }

        if (unit is null)
        {
            return false;
        }

        var end = k + 1;

        // "GPUs vom Typ H100", "Chips des Typs MI300X"
        if (model is null && end + 2 < tokens.Count + 1 && end + 1 < tokens.Count
            && ((tokens[end].Is("vom") && tokens[end + 1].Is("Typ")) || (tokens[end].Is("des") && tokens[end + 1].Is("Typs")))
            && end + 2 < tokens.Count && Lexicon.IsModel(tokens[end + 2].Text))
        {
            model = tokens[end + 2].Text;
            end += 3;
        }

        var count = value * (scale ?? 1m);
        if (count < 2 || count != decimal.Truncate(count))
        {
            return false;
        }

        var (qualifier, qStart) = Lexicon.QualifierBefore(tokens, i);
        var startOffset = tokens[qStart].Start;
        var endOffset = tokens[end - 1].End;
        var n = (long)count;
        mention = new HardwareMention(startOffset, endOffset - startOffset, text[startOffset..endOffset],
            new Count(n, n, qualifier), unit, model, vendor);
        next = end;
        return true;
    }
}
