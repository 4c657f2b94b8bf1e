using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Text;

namespace Extraction.Recognize;

/// <summary>The closed word classes of German money and hardware phrases: scales, qualifiers, units (currencies: <see cref="CurrencyWords"/>).</summary>
internal static class Lexicon
{
    // The word lists of models/lexicon-de.txt (vocabulary is data; which list is consulted where is the code below).
    private static readonly Dictionary<string, List<string>> Lists = ModelFiles.Embedded.ReadLists("lexicon-de.txt", "money-compound-head", "money-noun", "function-word");
    private static readonly string[] MoneyCompoundSuffixes = [.. Lists["money-compound-head"]];
    private static readonly string[] MoneyNounSuffixes = [.. Lists["money-noun"]];
    private static readonly HashSet<string> FunctionWords = new(Lists["function-word"], StringComparer.Ordinal);

    /// <summary>Scale words; capitalised "Billion" is the German 10^12, lower-case "billion" the English 10^9.</summary>
    public static decimal? Scale(in Token t)
    {
        if (t.Kind != TokenKind.Word)
        {
            return null;
        }

        return t.Text switch
        {
            "Billion" or "Billionen" or "Bio" or "Bill" or "trillion" or "trillions" or "Trillion" => 1_000_000_000_000m,
            "billion" or "billions" or "bn" or "Bn" or "bln" or "Mrd" or "Mia" or "Milliarde" or "Milliarden" => 1_000_000_000m,
            "Million" or "Millionen" or "Mio" or "Mill" or "million" or "millions" or "mn" or "Mn" => 1_000_000m,
            "Tausend" or "tausend" or "Tsd" or "thousand" => 1_000m,
            _ => null,
        };
    }

    /// <summary>True for scales written as abbreviations, which may carry a full stop.</summary>
    public static bool IsAbbreviatedScale(in Token t) => t.Text is "Mrd" or "Mio" or "Bio" or "Tsd" or "Mill" or "Bill" or "Mia";

    /// <summary>
    /// The qualifier in the up to three tokens before index <paramref name="first"/> ("rund", "mehr als",
    /// "deutlich mehr als", "nicht weniger als", "ca."), and the index where it starts.
    /// </summary>
    public static (Qualifier Qualifier, int Start) QualifierBefore(List<Token> tokens, int first)
    {
        // Every qualifier word is short; longer tokens never match and are not lower-cased (this runs at each figure).
        string W(int k) => k >= 0 && k < tokens.Count && tokens[k].Text.Length <= LongestQualifierWord ? LowerOrSame(tokens[k].Text) : "";

        var z = W(first - 3);
        var a = W(first - 2);
        var b = W(first - 1);

        // Abbreviations with their full stop: "ca.", "rd.", "mind.", "max.".
        if (b == "." && first >= 2 && tokens[first - 1].Start == tokens[first - 2].End)
        {
            Qualifier? abbreviated = a switch
            {
                "ca" or "rd" or "zirka" => Qualifier.About,
                "mind" => Qualifier.AtLeast,
                "max" => Qualifier.UpTo,
                _ => null,
            };
            return abbreviated is { } q ? (q, first - 2) : (Qualifier.Exact, first);
        }

        switch (a, b)
        {
            case ("mehr", "als"):
                return z == "nicht" ? (Qualifier.UpTo, first - 3)
                    : IsIntensifier(z) ? (Qualifier.Over, first - 3)
                    : (Qualifier.Over, first - 2);
            case ("weniger", "als"):
                return z == "nicht" ? (Qualifier.AtLeast, first - 3)
                    : IsIntensifier(z) ? (Qualifier.Under, first - 3)
                    : (Qualifier.Under, first - 2);
            case (_, "über") when IsIntensifier(a):
                return (Qualifier.Over, first - 2);
            case (_, "unter") when IsIntensifier(a):
                return (Qualifier.Under, first - 2);
            case ("bis", "zu"):
                return (Qualifier.UpTo, first - 2);
            case ("um", "die"):
            case ("an", "die"):
                return (Qualifier.About, first - 2);
            default:
                break;
        }

        // "verfügt über 50.000 GPUs", "ein Kredit über 500 Millionen Euro": the preposition, not "more than".
        if (b == "über" && first >= 2 && (IsPrepositionalVerb(a) || (first >= 3 && tokens[first - 2].Kind == TokenKind.Word && char.IsUpper(tokens[first - 2].Text[0]))))
        {
            return (Qualifier.Exact, first);
        }

        return b switch
        {
            "rund" or "etwa" or "circa" or "ca" or "ungefähr" or "annähernd" or "gut" or "zirka" or "rd" or "schätzungsweise" or "geschätzt" or "geschätzte"
                => (Qualifier.About, first - 1),
            "über" or "jenseits" => (Qualifier.Over, first - 1),
            "knapp" or "unter" or "fast" or "nahezu" or "beinahe" => (Qualifier.Under, first - 1),
            "mindestens" or "wenigstens" or "zumindest" => (Qualifier.AtLeast, first - 1),
            "maximal" or "höchstens" => (Qualifier.UpTo, first - 1),
            _ => (Qualifier.Exact, first),
        };
    }

    // Verbs whose object "über" introduces: "verfügt über", "verhandelt über", "entscheidet über".
    private static bool IsPrepositionalVerb(string w) =>
        w.StartsWith("verfüg", StringComparison.Ordinal) || w.StartsWith("verhandel", StringComparison.Ordinal)
        || w.StartsWith("entscheid", StringComparison.Ordinal) || w.StartsWith("entschied", StringComparison.Ordinal)
        || w is "spricht" or "sprach" or "sprechen" or "berichtet" or "berichten" or "berichtete" or "informiert" or "streiten" or "stritten";

    // "schätzungsweise", the longest word QualifierBefore compares.
    private const int LongestQualifierWord = 15;

    // The word itself when it has no capital letter (most words do not), so no copy is made.
    private static string LowerOrSame(string word)
    {
        foreach (var c in word)
        {
            if (char.IsUpper(c))
            {
                return word.ToLowerInvariant();
            }
        }

        return word;
    }

    // "deutlich mehr als", "weit über", "knapp unter": the adverb belongs to the qualifier.
    private static bool IsIntensifier(string w) =>
        w is "weit" or "deutlich" or "etwas" or "gut" or "knapp" or "viel" or "noch" or "erheblich" or "wesentlich" or "klar";

    /// <summary>Normalised hardware unit for a unit noun, or null.</summary>
    public static string? HardwareUnit(string word) => word switch
    {
        "GPU" or "GPUs" or "Grafikprozessor" or "Grafikprozessoren" or "Grafikkarte" or "Grafikkarten"
            or "Grafikchips" or "Grafikchip" or "Grafikeinheiten" => "GPU",
        "Chip" or "Chips" or "Superchip" or "Superchips" or "Halbleiterchips" or "Rechenchips" or "Prozessoren" or "Prozessor"
            or "CPU" or "CPUs" => "chip",
        "Beschleuniger" or "Beschleunigern" or "Accelerators" or "Accelerator" or "Beschleunigerkarten" => "accelerator",
        "Server" or "Servern" or "Serversysteme" or "Systeme" or "Systemen" => "server",
        "Racks" or "Rack" or "Serverracks" or "Serverschränke" or "Serverschränken" => "rack",
        "Knoten" or "Rechenknoten" or "Nodes" or "Node" => "node",
        "TPU" or "TPUs" => "TPU",
        _ => CompoundHardwareUnit(word),
    };

    // "Hochleistungsprozessoren", "KI-Rechenchips", "Spezialbeschleuniger": a compound whose head is a unit noun.
    private static string? CompoundHardwareUnit(string word) =>
        word.Length < 8 || !char.IsUpper(word[0]) ? null
        : word.EndsWith("prozessoren", StringComparison.Ordinal) || word.EndsWith("prozessor", StringComparison.Ordinal)
            || word.EndsWith("chips", StringComparison.Ordinal) ? "chip"
        : word.EndsWith("beschleuniger", StringComparison.Ordinal) || word.EndsWith("beschleunigern", StringComparison.Ordinal) ? "accelerator"
        : word.EndsWith("grafikkarten", StringComparison.Ordinal) || word.EndsWith("grafikprozessoren", StringComparison.Ordinal) ? "GPU"
        : null;

    /// <summary>True for the generic "Systeme", which is hardware only next to a vendor or model ("DGX-Systeme").</summary>
    public static bool IsGenericUnit(string word) => word is "Systeme" or "Systemen";

    /// <summary>
    /// The head of a hyphenated compound after a scale that makes the figure money without a currency:
    /// "5-Milliarden-Investition", "200-Millionen-Förderprogramm", "50-Millionen-Finanzierungsrunde".
    /// </summary>
    public static bool IsMoneyCompoundHead(string head)
    {
        foreach (var suffix in MoneyCompoundSuffixes)
        {
            if (head.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return head.StartsWith("Invest", StringComparison.OrdinalIgnoreCase) || head.StartsWith("Förder", StringComparison.OrdinalIgnoreCase);
    }



    /// <summary>Nouns after a scale that make the figure money without a currency: "2 Milliarden Fördergelder".</summary>
    public static bool IsMoneyNoun(string word)
    {
        foreach (var suffix in MoneyNounSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }



    /// <summary>Lower-case verbs and function words that look like inflected adjectives ("sollen", "einer", "wieder").</summary>
    public static bool IsFunctionWord(string w) => FunctionWords.Contains(w);



    /// <summary>Chip vendors that may stand between a count and its unit.</summary>
    public static bool IsVendor(string word) => word is "Nvidia" or "NVIDIA" or "AMD" or "Intel" or "Google" or "Huawei"
        or "Nvidias" or "Cerebras" or "Graphcore" or "Qualcomm" or "Apple" or "Tenstorrent";

    /// <summary>The unit a bare model stands for: "H100" a GPU, "GH200" a (super)chip, "MI300X" an accelerator.</summary>
    public static string? ModelUnit(string model) => model switch
    {
        "Blackwell" or "Hopper" or "Rubin" => "GPU",
        "Gaudi2" or "Gaudi3" => "accelerator",
        _ when model.StartsWith("GB", StringComparison.Ordinal) || model.StartsWith("GH", StringComparison.Ordinal) => "chip",
        _ when model.StartsWith("MI", StringComparison.Ordinal) => "accelerator",
        _ when model.StartsWith("TPU", StringComparison.Ordinal) => "TPU",
        _ when model.Length > 1 && model[0] is 'H' or 'A' or 'B' or 'L' && char.IsAsciiDigit(model[1]) => "GPU",
        _ => null,
    };

    /// <summary>Chip model names: H100, H200, B200, GB200, MI300X, A100, TPUv5, Gaudi3.</summary>
    public static bool IsModel(string word)
    {
        if (word is "Gaudi3" or "Gaudi2" or "Blackwell" or "Hopper" or "Rubin" or "Grace")
        {
            return true;
        }

        if (word.Length is < 3 or > 8)
        {
            return false;
        }

        var i = 0;
        while (i < word.Length && char.IsAsciiLetterUpper(word[i]))
        {
            i++;
        }

        if (i is 0 or > 3)
        {
            return false;
        }

        var digits = 0;
        while (i < word.Length && char.IsAsciiDigit(word[i]))
        {
            i++;
            digits++;
        }

        if (digits is < 2 or > 4)
        {
            return false;
        }

        while (i < word.Length && char.IsAsciiLetter(word[i]))
        {
            i++;
        }

        return i == word.Length;
    }
}
