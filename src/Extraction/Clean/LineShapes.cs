using System.Text.RegularExpressions;

namespace Extraction.Clean;

/// <summary>
/// Shapes of page-furniture lines that no word list can enumerate: meta lines (byline, date, time,
/// reading time, comment count), rows of short links (breadcrumbs, share bars, footer links), credit
/// lines and stock ticker lines. Every test is anchored to the whole line, so prose never matches.
/// </summary>
public static partial class LineShapes
{
    private const int MaxShapeLength = 160;
    private const int MaxCreditLength = 120;

    /// <summary>Why the line is furniture by its shape ("meta line", "link row", "ticker line"), or null.</summary>
    public static string? Reason(string line)
    {
        var t = line.Trim();
        if (t.Length == 0 || t.Length > MaxShapeLength)
        {
            return null;
        }

        if (IsTicker(t))
        {
            return "ticker line";
        }

        if (IsMetaLine(t))
        {
            return "meta line";
        }

        // "© Agentur | Name Fotografin" standing alone, or a caption ending in its credit ("Die Ministerin
        // bei der Eröffnung © Agentur"): the copyright sign starts the line's last part, no sentence after it.
        var credit = t.LastIndexOf('©');
        if (credit >= 0 && t.Length - credit <= MaxCreditLength && !t.AsSpan(credit).Contains(". ", StringComparison.Ordinal))
        {
            return "credit line";
        }

        return IsLinkRow(t) ? "link row" : null;
    }

    /// <summary>
    /// "18. September 2025 · Lesezeit 5 Minuten", "Von Anna Berg · 14.03.2025, 11:20 Uhr · 143 Kommentare":
    /// every part separated by ·, |, • or a comma is a date, time, reading time, byline, count or issue
    /// number, at most two short names ride along ("Von Oliver Brandt, London").
    /// </summary>
    public static bool IsMetaLine(string line)
    {
        // Every meta part holds a digit or a byline label: most lines are ruled out without a regex.
        var t = line.Trim();
        if (t.AsSpan().IndexOfAnyInRange('0', '9') < 0 && !t.Contains("Von ", StringComparison.Ordinal)
            && !t.Contains("Autor", StringComparison.Ordinal) && !t.Contains("Verfasser", StringComparison.Ordinal)
            && !t.Contains("Text:", StringComparison.Ordinal))
        {
            return false;
        }

        var strong = 0;
        var weak = 0;
        foreach (var range in MetaSeparator().EnumerateSplits(t))
        {
            var p = t[range].Trim().TrimEnd('.', ':', ';').Trim();
            if (p.Length == 0)
            {
                continue;
            }

            if (MetaPart().IsMatch(p))
            {
                strong++;
            }
            else if (ShortName().IsMatch(p) && weak < 2)
            {
                weak++;
            }
            else
            {
                return false;
            }
        }

        return strong > 0;
    }

    /// <summary>The author named in a meta line ("Von Oliver Brandt, London" gives "Oliver Brandt"), or null.</summary>
    public static string? Author(string line)
    {
        if (line.Length > MaxShapeLength || !IsMetaLine(line))
        {
            return null;
        }

        foreach (var raw in MetaSeparator().Split(line.Trim()))
        {
            var m = BylinePart().Match(raw.Trim().TrimEnd('.', ':', ';').Trim());
            if (m.Success)
            {
                return m.Groups["name"].Value;
            }
        }

        return null;
    }

    /// <summary>Three or more short parts between ›, », |, · or • ("Home › News › KI", "Impressum | Datenschutz | AGB").</summary>
    public static bool IsLinkRow(string line)
    {
        var parts = LinkParts(line);
        var breadcrumb = line.Contains('›') || line.Contains('»') || line.Contains(" > ", StringComparison.Ordinal);
        return parts is not null && (parts.Count >= 3 || (breadcrumb && parts.Count >= 2));
    }

    /// <summary>The parts of a row of short links ("Im Browser lesen · Teilen"), or null when the line is not one.</summary>
    public static List<string>? LinkParts(string line)
    {
        // Two parts need a separator; prose lines have none and skip the regex.
        if (line.AsSpan().IndexOfAny(LinkSeparatorChars) < 0 && !line.Contains(" > ", StringComparison.Ordinal)
            && !line.Contains(" / ", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var raw in LinkSeparator().Split(line))
        {
            var p = raw.Trim();
            if (p.Length == 0)
            {
                continue;
            }

            if (p.Length > 40 || Words(p) > 3 || p[^1] is '.' or '!' or '?')
            {
                return null;
            }

            parts.Add(p);
        }

        return parts.Count >= 2 ? parts : null;
    }

    /// <summary>A quote line ending in a signed change: "DAX 19.077,54 -0,35 %", "Microsoft Corp. 406,35 USD -6,05 %".</summary>
    public static bool IsTicker(string line) => line.Length <= 80 && Ticker().IsMatch(line);

    /// <summary>Words that contain a letter.</summary>
    public static int Words(string text)
    {
        var words = 0;
        var inWord = false;
        var hasLetter = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inWord && hasLetter)
                {
                    words++;
                }

                inWord = false;
                hasLetter = false;
                continue;
            }

            inWord = true;
            hasLetter |= char.IsLetter(c);
        }

        return inWord && hasLetter ? words + 1 : words;
    }

    // Parts of a meta line: · | • , ; and a spaced dash or slash.
    [GeneratedRegex(@"\s*(?:[·|•,;]|\s[–—/-]\s)\s*")]
    private static partial Regex MetaSeparator();

    private static readonly System.Buffers.SearchValues<char> LinkSeparatorChars = System.Buffers.SearchValues.Create("›»|·•");

    // Parts of a link row: › » | · • and a spaced ">" or slash.
    [GeneratedRegex(@"\s*(?:[›»|·•]|\s>\s|\s/\s)\s*")]
    private static partial Regex LinkSeparator();

    // One meta part: a date (17.04.2025, 18. September 2025, 2025-10-17), a time (14:05 Uhr),
    // a reading time (Lesezeit 5 Minuten, 4 Min. Lesezeit), a byline (Von Anna Berg, Autor: X),
    // a count (143 Kommentare) or an issue number (Ausgabe 214, Nr. 12, #87), each with an
    // optional label (Veröffentlicht am:, Stand:, Update vom:).
    [GeneratedRegex("""
        ^(?:(?:Veröffentlicht|Aktualisiert|Erschienen|Update|Stand|Zuletzt\s+aktualisiert)(?:\s+(?:am|vom))?:?\s*)?
        (?:
            [0-9]{1,2}\.\s?[0-9]{1,2}\.\s?(?:[0-9]{2}|[0-9]{4})
          | [0-9]{1,2}\.\s?(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?:\s+[0-9]{4})?
          | (?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+[0-9]{4}
          | [0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9:+\-Z.]+)?
          | [0-9]{1,2}:[0-9]{2}(?:\s*Uhr)?
          | (?:Lesezeit:?\s*)?(?:ca\.\s*)?[0-9]{1,2}\s*(?:Min\.?|Minuten)(?:\s*Lesezeit)?
          | (?:Von|Autor:|Autorin:|Verfasser:|Verfasserin:|Text:)\s+\p{Lu}[\p{L}'\-.]+(?:\s+(?:\p{Lu}[\p{L}'\-.]+|von|van|de|und)){0,4}
          | [0-9]+\s+(?:Kommentare?|Antworten|Reaktionen|Shares)
          | (?:Ausgabe|Nr\.|Folge)\s*\#?[0-9]+ | \#[0-9]+
        )$
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex MetaPart();

    // The byline part of a meta line.
    [GeneratedRegex(@"^(?:Von|Autor:|Autorin:|Verfasser:|Verfasserin:|Text:)\s+(?<name>\p{Lu}[\p{L}'\-.]+(?:\s+(?:\p{Lu}[\p{L}'\-.]+|von|van|de|und)){1,4})$")]
    private static partial Regex BylinePart();

    // A place or desk riding along in a meta line: one or two capitalised words ("London", "Redaktion Börsenkompass").
    [GeneratedRegex(@"^\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+)?$")]
    private static partial Regex ShortName();

    // A price and a signed change at the end: "19.077,54 -0,35 %", "406,35 USD −6,05%".
    [GeneratedRegex(@"[0-9][0-9.,]*(?:\s+\p{Lu}{2,4})?\s+[+\-−–][0-9]+(?:[.,][0-9]+)?\s?%$")]
    private static partial Regex Ticker();
}
