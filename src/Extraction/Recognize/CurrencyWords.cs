using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Text;

namespace Extraction.Recognize;

/// <summary>Currencies in German money phrases: names, ISO codes, symbols and dollars of many countries, after or before the figure.</summary>
internal static class CurrencyWords
{
    // The currency words of models/currencies-de.tsv: names and codes, letters glued to "$", adjectives before "Dollar".
    private static readonly Dictionary<string, Dictionary<string, string>> Tables = Load(ModelFiles.Embedded);
    private static readonly Dictionary<string, string> Names = Tables["name"];
    private static readonly Dictionary<string, string> DollarPrefixes = Tables["dollar-prefix"];
    private static readonly Dictionary<string, string> DollarAdjectives = Tables["dollar-adjective"];

    /// <summary>Reads models/currencies-de.tsv: per kind, word -> ISO code (a word listed twice takes its last row).</summary>
    internal static Dictionary<string, Dictionary<string, string>> Load(ModelFiles files)
    {
        var tables = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            ["name"] = new(StringComparer.OrdinalIgnoreCase),
            ["dollar-prefix"] = new(StringComparer.Ordinal),
            ["dollar-adjective"] = new(StringComparer.OrdinalIgnoreCase),
        };
        foreach (var (line, fields) in files.ReadTable("currencies-de.tsv", 3))
        {
            if (!tables.TryGetValue(fields[0], out var table))
            {
                throw new FormatException($"currencies-de.tsv line {line}: unknown kind '{fields[0]}' (one of name, dollar-prefix, dollar-adjective)");
            }

            table[fields[1]] = fields[2];
        }

        return tables;
    }

    /// <summary>
    /// A currency starting at token <paramref name="i"/> (after the figure): returns the ISO code,
    /// the evidence and the index after the currency, or null.
    /// </summary>
    public static (string Code, CurrencyEvidence Evidence, int Next)? After(List<Token> tokens, int i)
    {
        if (i >= tokens.Count)
        {
            return null;
        }

        var t = tokens[i];
        if (t.Kind == TokenKind.Symbol)
        {
            return (SymbolCode(t.Text), t.Text == "$" ? CurrencyEvidence.BareDollar : CurrencyEvidence.Explicit, i + 1);
        }

        if (t.Kind != TokenKind.Word)
        {
            return null;
        }

        // "US$", "US-$", "C$" after the figure
        if (DollarPrefixes.TryGetValue(t.Text, out var prefixed))
        {
            var k = i + 1;
            if (k + 1 < tokens.Count && tokens[k].Text == "-" && tokens[k].Start == t.End)
            {
                k++;
            }

            if (k < tokens.Count && tokens[k].Text == "$" && tokens[k].Start == tokens[k - 1].End)
            {
                return (prefixed, CurrencyEvidence.Explicit, k + 1);
            }
        }

        // "US-Dollar", "kanadische Dollar", "Hongkong-Dollar", "US-amerikanische Dollar"
        if (DollarAdjectives.TryGetValue(t.Text, out var adj))
        {
            var k = i + 1;
            if (k < tokens.Count && tokens[k].Text == "-")
            {
                k++;
            }

            if (adj == "USD" && k < tokens.Count && tokens[k].Text is "amerikanische" or "amerikanischen" or "amerikanischer")
            {
                k++;
            }

            if (k < tokens.Count && IsDollar(tokens[k]))
            {
                return (adj, CurrencyEvidence.Explicit, k + 1);
            }

            return null;
        }

        // "Schweizer Franken", "britische Pfund", "japanische Yen", "chinesische Yuan"
        if (t.Text is "Schweizer" or "britische" or "britischen" or "japanische" or "japanischen"
            or "chinesische" or "chinesischen" or "südkoreanische" or "südkoreanischen" or "indische" or "indischen")
        {
            if (i + 1 < tokens.Count && Names.TryGetValue(tokens[i + 1].Text, out var code2))
            {
                return (code2, CurrencyEvidence.Explicit, i + 2);
            }

            return null;
        }

        if (IsDollar(t))
        {
            return ("USD", CurrencyEvidence.BareDollar, i + 1);
        }

        if (Names.TryGetValue(t.Text, out var code))
        {
            var next = i + 1;
            if (code == "GBP" && next < tokens.Count && tokens[next].Is("Sterling"))
            {
                next++;
            }

            return (code, CurrencyEvidence.Explicit, next);
        }

        return null;
    }

    /// <summary>A currency that ends right before token <paramref name="i"/>: "€ 5", "US$ 5", "CHF 100".</summary>
    public static (string Code, CurrencyEvidence Evidence, int First)? Before(List<Token> tokens, int i)
    {
        if (i == 0)
        {
            return null;
        }

        var t = tokens[i - 1];
        if (t.Kind == TokenKind.Symbol)
        {
            if (t.Text == "$" && i >= 2 && tokens[i - 2].End == t.Start && DollarPrefixes.TryGetValue(tokens[i - 2].Text, out var prefixed))
            {
                return (prefixed, CurrencyEvidence.Explicit, i - 2);
            }

            return (SymbolCode(t.Text), t.Text == "$" ? CurrencyEvidence.BareDollar : CurrencyEvidence.Explicit, i - 1);
        }

        // ISO codes only: "EUR 5 Mio.", "CHF 300 Mio.", never a name ("Euro 5") nor a currency pair ("EUR/USD 1,08").
        if (t.Kind == TokenKind.Word && t.Text.Length == 3 && IsAsciiUpper(t.Text)
            && Names.TryGetValue(t.Text, out var code) && code == t.Text
            && !(i >= 2 && tokens[i - 2].Text == "/" && tokens[i - 2].End == t.Start))
        {
            return (code, CurrencyEvidence.Explicit, i - 1);
        }

        return null;
    }

    private static bool IsAsciiUpper(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDollar(in Token t) => t.Text is "Dollar" or "Dollars" or "dollar" or "dollars";

    private static string SymbolCode(string symbol) => symbol switch
    {
        "€" => "EUR",
        "$" => "USD",
        "£" => "GBP",
        "¥" => "JPY",
        _ => "USD",
    };
}
