using System.Text.RegularExpressions;
using Extraction.Pipeline;

namespace Extraction.Clean;

/// <summary>Boilerplate markers (models/boilerplate-de.txt): whole lines, strong and weak phrases, tail starts.</summary>
public sealed partial class BoilerplateRules
{
    private readonly HashSet<string> _lines = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _ends = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _strong = [];
    private readonly List<string> _weak = [];

    /// <summary>Loads the rules from a model store.</summary>
    public static BoilerplateRules Load(ModelStore store)
    {
        var rules = new BoilerplateRules();
        foreach (var line in store.ReadLines("boilerplate-de.txt"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "line":
                    rules._lines.Add(Normalize(value));
                    break;
                case "end":
                    rules._ends.Add(Normalize(value));
                    break;
                case "strong":
                    rules._strong.Add(value);
                    break;
                case "weak":
                    rules._weak.Add(value);
                    break;
                default:
                    throw new FormatException($"boilerplate-de.txt: unknown rule kind '{key}' in line '{line}'");
            }
        }

        return rules;
    }

    /// <summary>Why a line is boilerplate ("line", "strong: X", ...), or null when it is not.</summary>
    public string? Reason(string text)
    {
        var norm = Normalize(text);
        if (norm.Length == 0)
        {
            return "empty";
        }

        if (_lines.Contains(norm))
        {
            return "marker line";
        }

        if (ReadingTime().IsMatch(norm) || Byline().IsMatch(norm))
        {
            return "byline or reading time";
        }

        foreach (var s in _strong)
        {
            if (text.Contains(s, StringComparison.OrdinalIgnoreCase))
            {
                return "strong: " + s;
            }
        }

        var hits = 0;
        string? first = null;
        foreach (var w in _weak)
        {
            if (text.Contains(w, StringComparison.OrdinalIgnoreCase))
            {
                hits++;
                first ??= w;
            }
        }

        if (hits >= 2 || (hits == 1 && text.Length < 160))
        {
            return "weak: " + first;
        }

        return null;
    }

    /// <summary>True when a line starts the page's tail (comments, related articles).</summary>
    public bool IsTailStart(string text) => _ends.Contains(Normalize(text));

    /// <summary>Finds a byline author ("Von Noëlle Bölling"), or null.</summary>
    public static string? Author(string text)
    {
        var m = Byline().Match(Normalize(text));
        return m.Success ? m.Groups["name"].Value : null;
    }

    private static string Normalize(string s)
    {
        var t = s.Trim().TrimStart('•', '-', '*', '·', '☑', '️', '⭐', ' ', '\u00A0').Trim();
        return t.TrimEnd(':', ' ').Trim();
    }

    // "2 Min.", "5 Min. Lesezeit", "Lesezeit: 4 Minuten"
    [GeneratedRegex(@"^(?:Lesezeit:?\s*)?[0-9]{1,2}\s*(?:Min\.?|Minuten)(?:\s*Lesezeit)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadingTime();

    // "Von Noëlle Bölling", "Von Anna Schmidt und Jan Meyer": two to four capitalised words after "Von".
    [GeneratedRegex(@"^(?:Von|Autor:|Autorin:)\s+(?<name>\p{Lu}[\p{L}'\-]+(?:\s+(?:\p{Lu}[\p{L}'\-]+|und|von|van|de))(?:\s+\p{Lu}[\p{L}'\-]+){0,3})$")]
    private static partial Regex Byline();
}
