using Extraction.Model;
using Extraction.Text;

namespace Extraction.Recognize;

/// <summary>
/// Finds counts of compute hardware: "100.000 Nvidia H100 GPUs", "mindestens 10.000 GPUs",
/// "rund 100.000 KI-Chips", "8.000 B200-Beschleuniger", "20.000 GPUs vom Typ H100".
/// People, percentages and vague magnitudes ("Zehntausende") are never counts here: a unit noun is required.
/// </summary>
public sealed class HardwareRecognizer
{
    // Larger counts are misreadings (a figure glued to a model number, an ID), not hardware.
    private const decimal MaxCount = 100_000_000_000m;

    /// <summary>Finds all hardware counts in the text.</summary>
    public IReadOnlyList<HardwareMention> Recognize(string text) => Recognize(text, Tokenizer.Tokenize(text));

    /// <summary>Finds all hardware counts in pre-tokenized text.</summary>
    public IReadOnlyList<HardwareMention> Recognize(string text, List<Token> tokens) => MentionScanner.Scan<HardwareMention>(text, tokens, TryAt);

    /// <summary>Finds all hardware counts in pre-tokenized text, whose first figure is at token <paramref name="from"/> or later (<see cref="AmountRecognizer.FirstFigure"/>).</summary>
    internal IReadOnlyList<HardwareMention> Recognize(string text, List<Token> tokens, int from) => MentionScanner.Scan<HardwareMention>(text, tokens, TryAt, from);

    private static bool TryAt(string text, List<Token> tokens, int i, out HardwareMention mention, out int next)
    {
        mention = null!;
        next = i + 1;
        if (!TryCount(tokens, i, out var min, out var j) || IsYear(tokens, i) || (i > 0 && tokens[i - 1].Text is "je" or "pro"))
        {
            return false; // "Rechenknoten mit je vier Chips" counts per node, not hardware bought
        }

        var max = min;
        var between = i > 0 && tokens[i - 1].Is("zwischen");
        var rangeStart = i;
        if (AmountRecognizer.TryRangeEnd(tokens, j, between, out _, out _) && TryCount(tokens, j + 1, out var hi, out var afterHi) && hi > min)
        {
            max = hi;
            j = afterHi;
            rangeStart = between ? i - 1 : i;
        }

        string? vendor = null;
        string? model = null;
        string? unit = null;
        var specific = false;
        var lastModel = -1;
        var suspended = -1;

        // Up to seven tokens of adjectives, vendor, model and hyphens before the unit noun.
        var limit = Math.Min(tokens.Count, j + 7);
        var k = j;
        for (; k < limit; k++)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Word && Lexicon.HardwareUnit(t.Text) is { } u)
            {
                // A compound names its head last: "Server-Racks" are racks, "GPU-Server" servers, "GPU-Stunden" no hardware.
                while (k + 2 < tokens.Count && tokens[k + 1].Text == "-" && tokens[k + 1].Start == t.End
                    && tokens[k + 2].Start == tokens[k + 1].End && tokens[k + 2].Kind == TokenKind.Word)
                {
                    var head = Lexicon.HardwareUnit(tokens[k + 2].Text);
                    if (head is null && tokens[k + 2].Text is not ("Einheiten" or "Karten" or "Module" or "Modulen" or "Boards"))
                    {
                        return false;
                    }

                    u = head ?? u; // "GPU-Einheiten" are GPUs
                    k += 2;
                    t = tokens[k];
                }

                if (Lexicon.IsGenericUnit(tokens[k].Text) && !specific)
                {
                    return false; // "12 KI-Systeme" are software; "127 DGX-Systeme" are servers
                }

                unit = u;
                break;
            }

            if (t.Kind == TokenKind.Word && (t.Text is "Äquivalente" or "Äquivalenten" or "Equivalents") && model is not null)
            {
                unit = "GPU";
                break;
            }

            // "120.000 B200-, 40.000 H100- und 20.000 GB300-Beschleuniger": a suspended hyphen shares the
            // list's last head; the count ends at its hyphen.
            if (t.Text == "-" && k > j && t.Start == tokens[k - 1].End && k + 1 < tokens.Count
                && tokens[k + 1].Text is "," or "und" or "oder" or "sowie" or "bzw" && SharedHead(tokens, k + 1) is { } shared)
            {
                unit = shared;
                suspended = k;
                break;
            }

            if (t.Text == "-" || t.Text is "„" or "“" or "\"")
            {
                continue;
            }

            // "50.000 ihrer H100", "100.000 der neuen Chips": a partitive determiner right after the count.
            if (k == j && t.Text is "der" or "ihrer" or "seiner" or "dieser" or "jener" or "unserer" or "deren" or "dessen")
            {
                continue;
            }

            if (t.Kind != TokenKind.Word)
            {
                break;
            }

            if (Lexicon.IsVendor(t.Text))
            {
                vendor ??= NormalizeVendor(t.Text);
                specific = true;
                continue;
            }

            if (Lexicon.IsModel(t.Text))
            {
                model ??= t.Text;
                specific = true;
                lastModel = k;
                continue;
            }

            if (t.Text is "DGX" or "HGX" or "SuperPOD" or "MGX")
            {
                specific = true;
                continue;
            }

            // "KI-Chips", "hochmodernen", "neuesten", "zusätzliche": modifiers; "nm", "wurden": not.
            if (t.Text is "KI" or "AI" or "HPC" or "Hochleistungs" or "Rechen" or "Compute")
            {
                continue;
            }

            // Adjectives stand before the model; after it a lower-case word is a verb: "350.000 H100 betreiben".
            if (AmountRecognizer.IsAdjectiveLike(t.Text) && lastModel < 0)
            {
                continue;
            }

            // "3,76 Millionen Rechenzentrums-GPUs": the first part of a compound whose head decides; small figures
            // before such a part are sizes ("3-Nanometer-Chips", "8-Kern-CPUs"), not counts.
            if (min >= 100 && char.IsUpper(t.Text[0]) && k + 1 < tokens.Count && tokens[k + 1].Text == "-"
                && tokens[k + 1].Start == t.End && !IsMeasure(t.Text))
            {
                continue;
            }

            break;
        }

        if (unit is null && model is null && UnitNamedBefore(tokens, rangeStart) is { } named)
        {
            // "die Zahl seiner GPUs auf eine Million erhöhen": the count stands alone, its unit before it.
            unit = named;
            k = j - 1;
        }
        else if (unit is null)
        {
            // "100.000 H100 in Memphis": a model that ends the phrase names its unit.
            if (model is null || lastModel != k - 1 || Lexicon.ModelUnit(model) is not { } family)
            {
                return false;
            }

            unit = family;
            k = lastModel;
        }

        var end = suspended >= 0 ? SuspendedEnd(tokens, suspended) : k + 1;

        // "GPUs vom Typ H100", "Chips des Typs MI300X"
        if (model is null && end + 2 < tokens.Count
            && ((tokens[end].Is("vom") && tokens[end + 1].Is("Typ")) || (tokens[end].Is("des") && tokens[end + 1].Is("Typs")))
            && Lexicon.IsModel(tokens[end + 2].Text))
        {
            model = tokens[end + 2].Text;
            end += 3;
        }

        var (qualifier, qStart) = Lexicon.QualifierBefore(tokens, rangeStart);
        var startOffset = tokens[qStart].Start;
        var endOffset = tokens[end - 1].End;
        mention = new HardwareMention(startOffset, endOffset - startOffset, text[startOffset..endOffset],
            new Count(min, max, qualifier), unit, model, vendor);
        next = end;
        return true;
    }

    // The unit of the compound that ends a list of suspended hyphens ("... und 20.000 GB300-Beschleuniger"), or null.
    private static string? SharedHead(List<Token> tokens, int from)
    {
        for (var u = from + 2; u < Math.Min(tokens.Count, from + 16); u++)
        {
            if (tokens[u - 1].Text == "-" && tokens[u - 1].End == tokens[u].Start && tokens[u - 2].End == tokens[u - 1].Start
                && tokens[u].Kind == TokenKind.Word && Lexicon.HardwareUnit(tokens[u].Text) is { } unit)
            {
                return unit;
            }

            if (tokens[u].Text is "." or ";" or ":")
            {
                return null;
            }
        }

        return null;
    }

    // "300.000 GB200- und GB300-Chips": a list of models without a further count is one count, up to the shared
    // head; "120.000 B200-, 40.000 H100- und ..." ends at its own hyphen, the next count starts its own mention.
    private static int SuspendedEnd(List<Token> tokens, int hyphen)
    {
        for (var u = hyphen + 2; u < Math.Min(tokens.Count, hyphen + 16); u++)
        {
            var t = tokens[u];
            if (t.Kind == TokenKind.Number || t.Text is "." or ";" or ":")
            {
                return hyphen + 1;
            }

            if (t.Kind == TokenKind.Word && tokens[u - 1].Text == "-" && tokens[u - 1].End == t.Start && Lexicon.HardwareUnit(t.Text) is not null)
            {
                return u + 1;
            }
        }

        return hyphen + 1;
    }

    // "Die Zahl der Server steigt auf rund 4.000", "die Anzahl seiner GPUs auf eine Million erhöhen": the unit of
    // "Zahl/Anzahl der <unit>" when the count follows "auf" (with at most a qualifier between); null otherwise.
    private static string? UnitNamedBefore(List<Token> tokens, int i)
    {
        var auf = i - 1;
        while (auf >= 0 && auf >= i - 3 && !tokens[auf].Is("auf"))
        {
            if (tokens[auf].Kind != TokenKind.Word || !char.IsLower(tokens[auf].Text[0]))
            {
                return null;
            }

            auf--;
        }

        if (auf < 2 || !tokens[auf].Is("auf"))
        {
            return null;
        }

        string? unit = null;
        for (var k = auf - 1; k >= Math.Max(0, auf - 10); k--)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Punct || t.Kind == TokenKind.Number)
            {
                return null;
            }

            if (t.Text is "Zahl" or "Anzahl")
            {
                return unit;
            }

            if (k > 0 && Lexicon.HardwareUnit(t.Text) is { } u && !Lexicon.IsGenericUnit(t.Text))
            {
                unit ??= u;
            }
        }

        return null;
    }

    // A whole count of two or more at token i, with its scale ("1,2 Millionen", "100k"); j is the index after it.
    private static bool TryCount(List<Token> tokens, int i, out long count, out int j)
    {
        count = 0;
        j = i + 1;
        if (i >= tokens.Count || !AmountRecognizer.TryReadFigure(tokens, i, out var value, out j))
        {
            return false;
        }

        j = AmountRecognizer.ReadScale(tokens, j, value, out var scale, out _);
        if (scale is >= 1_000_000_000m)
        {
            return false;
        }

        var n = value * (scale ?? 1m);
        if (n < 2 || n > MaxCount || n != decimal.Truncate(n))
        {
            return false;
        }

        count = (long)n;
        return true;
    }

    // "im Jahr 2024 neue Server", "seit 2023 ... GPUs": a year before a unit is not a count.
    private static bool IsYear(List<Token> tokens, int i)
    {
        var t = tokens[i];
        if (t.Kind != TokenKind.Number || t.Length != 4 || t.Text[0] is not ('1' or '2') || i == 0)
        {
            return false;
        }

        var p = tokens[i - 1].Text;
        return p is "Jahr" or "Jahres" or "Jahre" or "seit" or "Seit" or "bis" or "Bis" or "ab" or "Ab" or "Ende" or "Anfang"
            or "Mitte" or "im" or "Im" or "Frühjahr" or "Sommer" or "Herbst" or "Winter" or "Januar"
            or "Februar" or "März" or "April" or "Mai" or "Juni" or "Juli" or "August" or "September" or "Oktober"
            or "November" or "Dezember" or "Quartal" or "Geschäftsjahr" or "Haushaltsjahr";
    }

    private static bool IsMeasure(string w) =>
        w.EndsWith("meter", StringComparison.OrdinalIgnoreCase) || w.EndsWith("watt", StringComparison.OrdinalIgnoreCase)
        || w.EndsWith("bit", StringComparison.OrdinalIgnoreCase) || w.EndsWith("byte", StringComparison.OrdinalIgnoreCase)
        || w is "Zoll" or "Kern" or "Kerne" or "GB" or "TB" or "MB" or "nm" or "Jahres" or "Jahre" or "Jahr";

    private static string NormalizeVendor(string v) => v switch
    {
        "NVIDIA" or "Nvidias" => "Nvidia",
        _ => v,
    };
}
