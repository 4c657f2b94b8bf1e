using System.Text.RegularExpressions;
using Extraction.Pipeline;

namespace Extraction.Clean;

/// <summary>
/// Boilerplate markers (models/boilerplate-de.txt): whole lines, strong and weak phrases, tail starts,
/// ad labels, related-link list intros and boxes (author box).
/// </summary>
public sealed partial class BoilerplateRules
{
    private readonly HashSet<string> _lines = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _ends = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _ads = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _boxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _lists = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _listPrefixes = [];
    private readonly List<string> _sections = [];
    private const int MaxMarkerLineLength = 200;

    /// <summary>A line this long (in characters) that runs on after its last sentence ends is still article text (a flattened dump).</summary>
    internal const int ArticleLineChars = 600;

    /// <summary>
    /// A paragraph of prose this long (in characters) is article text, whatever phrase it holds: a
    /// sentence about a "Sonder-Newsletter" or a photo credit run into the paragraph does not make it furniture.
    /// </summary>
    internal const int ProseLineChars = 400;

    private readonly List<string> _strong = [];
    private readonly List<string> _weak = [];

    // Multi-string search over all phrases at once: most lines hit none, and then one scan settles it.
    // The search looks for each phrase's longest ASCII run ("Datenschutzerkl" for "Datenschutzerklärung").
    private PhraseFilter _anyPhrase = new([]);
    private PhraseFilter _anyStrong = new([]);

    /// <summary>Loads the rules from a model store.</summary>
    public static BoilerplateRules Load(ModelFiles store)
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
                case "ad":
                    rules._ads.Add(Normalize(value));
                    rules._lines.Add(Normalize(value));
                    break;
                case "box":
                    rules._boxes.Add(Normalize(value));
                    rules._lines.Add(Normalize(value));
                    break;
                case "section":
                    rules._sections.Add(value);
                    break;
                case "list" when value.EndsWith('*'):
                    rules._listPrefixes.Add(Normalize(value.TrimEnd('*')) + " ");
                    break;
                case "list":
                    rules._lists.Add(Normalize(value));
                    rules._lines.Add(Normalize(value));
                    break;
                default:
                    throw new FormatException($"boilerplate-de.txt: unknown rule kind '{key}' in line '{line}'");
            }
        }

        rules._anyPhrase = Prefilter([.. rules._strong, .. rules._weak]);
        rules._anyStrong = Prefilter(rules._strong);
        return rules;
    }

    // A text holding a phrase holds every part of it, so finding no phrase's ASCII run rules all of them out.
    private static PhraseFilter Prefilter(List<string> phrases) => new(phrases.Select(AsciiAnchor));

    /// <summary>The longest run of ASCII characters in a phrase; the phrase itself when that run is shorter than three.</summary>
    internal static string AsciiAnchor(string phrase)
    {
        var best = (Start: 0, Length: 0);
        var start = 0;
        for (var i = 0; i <= phrase.Length; i++)
        {
            if (i == phrase.Length || !char.IsAscii(phrase[i]))
            {
                if (i - start > best.Length)
                {
                    best = (start, i - start);
                }

                start = i + 1;
            }
        }

        return best.Length == phrase.Length || best.Length < 3 ? phrase : phrase.Substring(best.Start, best.Length);
    }

    /// <summary>
    /// The form of a line that marker lookups use (no bullets, emoji or punctuation around it, white
    /// space collapsed); null for a line too long to be a marker. Lines are keyed once and judged by key.
    /// </summary>
    internal static string? MarkerKey(string text) => text.Length > MaxMarkerLineLength ? null : Normalize(text);

    /// <summary>Why a line is boilerplate ("line", "strong: X", ...), or null when it is not.</summary>
    public string? Reason(string text) => Reason(text, MarkerKey(text));

    /// <summary><see cref="Reason(string)"/> with the line's <see cref="MarkerKey"/> already made.</summary>
    internal string? Reason(string text, string? key)
    {
        // Marker lines, bylines and shapes are short; a long paragraph only meets the phrase lists.
        if (key is null)
        {
            // A long run of prose is an article (a one-line dump may be all of it), whatever it mentions:
            // a subscription, a partner, a photo. Banners and boxes that hold such words are short.
            return text.Length >= ProseLineChars && ProseShape.IsProse(text) ? null : PhraseReason(text);
        }

        var norm = key;
        if (norm.Length == 0)
        {
            return "empty";
        }

        if (_lines.Contains(norm) || _lines.Contains(WithoutCount(norm)))
        {
            return "marker line";
        }

        if (IsListIntroKey(norm))
        {
            return "related links";
        }

        // "Lesen Sie auch: <a teaser's headline>" on one line.
        var colon = norm.IndexOf(':', StringComparison.Ordinal);
        if (colon is > 0 and <= 40 && _lists.Contains(norm[..colon].TrimEnd()) && !ProseShape.IsProse(text))
        {
            return "related link";
        }

        // Both need a digit or the byline word up front.
        if ((HasDigit(norm) && ReadingTime().IsMatch(norm)) || (MayBeByline(norm) && Byline().IsMatch(norm)))
        {
            return "byline or reading time";
        }

        if (LineShapes.Reason(text) is { } shape)
        {
            return shape;
        }

        // Two short links of which one is a marker: "Im Browser lesen · Teilen".
        if (LineShapes.LinkParts(text) is { } parts && parts.Exists(p => _lines.Contains(Normalize(p))))
        {
            return "link row with a marker";
        }

        return PhraseReason(text);
    }

    // Strong phrases anywhere; weak ones twice, or once in a short line that is not a sentence.
    private string? PhraseReason(string text)
    {
        // Most lines hold no phrase: one scan for all of them settles it.
        if (!_anyPhrase.IsFoundIn(text))
        {
            return null;
        }

        if (_anyStrong.IsFoundIn(text)
            && _strong.Find(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)) is { } strong)
        {
            return "strong: " + strong;
        }

        var hits = 0;
        string? first = null;
        foreach (var w in _weak)
        {
            if (ContainsPhrase(text, w))
            {
                hits++;
                first ??= w;
            }
        }

        // One weak word in a real sentence ("der Partner Nscale") is news, not furniture.
        if (hits >= 2 || (hits == 1 && text.Length < 160 && !ProseShape.IsProse(text)))
        {
            return "weak: " + first;
        }

        return null;
    }

    // A one-word marker also matches as the head of a compound or an inflected form ("Kommentare"); a
    // phrase of several words must end where a word ends: "im Monat" is a price's period, "im
    // Monatsvergleich" is not.
    private static bool ContainsPhrase(string text, string marker)
    {
        if (!marker.Contains(' ', StringComparison.Ordinal))
        {
            return text.Contains(marker, StringComparison.OrdinalIgnoreCase);
        }

        for (var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + marker.Length;
            if (end == text.Length || !char.IsLetter(text[end]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a line starts the page's tail (comments, related articles).</summary>
    public bool IsTailStart(string text) => IsTailStartKey(MarkerKey(text));

    /// <summary><see cref="IsTailStart"/> by the line's <see cref="MarkerKey"/>.</summary>
    internal bool IsTailStartKey(string? key) => key is not null && (_ends.Contains(key) || _ends.Contains(WithoutCount(key)));

    /// <summary>True for an ad label ("Anzeige"): in a text dump, the line under it is the ad.</summary>
    public bool IsAdLabel(string text) => IsAdLabelKey(MarkerKey(text));

    /// <summary><see cref="IsAdLabel"/> by the line's <see cref="MarkerKey"/>.</summary>
    internal bool IsAdLabelKey(string? key) => key is not null && _ads.Contains(key);

    /// <summary>True for a box heading ("Über den Autor"): the box under it goes with it.</summary>
    public bool IsBoxStart(string text) => IsBoxStartKey(MarkerKey(text));

    /// <summary><see cref="IsBoxStart"/> by the line's <see cref="MarkerKey"/>.</summary>
    internal bool IsBoxStartKey(string? key) => key is not null && _boxes.Contains(key);

    /// <summary>True for the intro of a list of related links ("Passend dazu:", "Mehr aus Digital").</summary>
    public bool IsListIntro(string text) => IsListIntroKey(MarkerKey(text));

    /// <summary><see cref="IsListIntro"/> by the line's <see cref="MarkerKey"/>.</summary>
    internal bool IsListIntroKey(string? key)
    {
        if (key is null)
        {
            return false;
        }

        var norm = key;
        if (_lists.Contains(norm))
        {
            return true;
        }

        if (norm.Length > 60 || LineShapes.Words(norm) > 6)
        {
            return false;
        }

        foreach (var prefix in _listPrefixes)
        {
            if (norm.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text without a section label glued to its front by a flattened page ("WirtschaftBäckerei eröffnet
    /// ..." becomes "Bäckerei eröffnet ..."): a known label right before a capital letter, no space between.
    /// </summary>
    public string WithoutGluedSection(string text)
    {
        if (text.Length > MaxMarkerLineLength)
        {
            return text;
        }

        foreach (var label in _sections)
        {
            if (text.Length > label.Length + 2 && text.StartsWith(label, StringComparison.Ordinal)
                && char.IsUpper(text[label.Length]) && char.IsLower(text[label.Length + 1]))
            {
                return text[label.Length..];
            }
        }

        return text;
    }

    /// <summary>Finds a byline author ("Von Noëlle Bölling"), or null.</summary>
    public static string? Author(string text)
    {
        var m = Byline().Match(Normalize(text));
        return m.Success ? m.Groups["name"].Value : LineShapes.Author(text);
    }

    // Bullets, emoji, arrows and punctuation around a marker do not change what it is ("Sprachauswahl 📢", "» Teilen:").
    private static string Normalize(string s)
    {
        var span = s.AsSpan();
        var start = 0;
        var end = span.Length;
        while (start < end && !char.IsLetterOrDigit(span[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(span[end - 1]))
        {
            end--;
        }

        return WhiteSpace.Collapse(start == 0 && end == s.Length ? s : span[start..end].ToString());
    }

    private static bool HasDigit(string s) => s.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    private static bool MayBeByline(string norm) =>
        norm.StartsWith("Von", StringComparison.Ordinal) || norm.StartsWith("Autor", StringComparison.Ordinal);

    // "143 Kommentare", "Kommentare (12)": a marker with a count is still the marker.
    private static string WithoutCount(string norm)
    {
        if (!HasDigit(norm))
        {
            return norm;
        }

        var m = Counted().Match(norm);
        return m.Success ? m.Groups["marker"].Value : norm;
    }

    [GeneratedRegex(@"^(?:[0-9]+\s+(?<marker>\p{L}[\p{L}\s\-]*)|(?<marker>\p{L}[\p{L}\s\-]*?)\s*\(\s*[0-9]+)$")]
    private static partial Regex Counted();

    // "2 Min.", "5 Min. Lesezeit", "Lesezeit: 4 Minuten"
    [GeneratedRegex(@"^(?:Lesezeit:?\s*)?[0-9]{1,2}\s*(?:Min\.?|Minuten)(?:\s*Lesezeit)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadingTime();

    // "Von Noëlle Bölling", "Von Anna Schmidt und Jan Meyer": two to four capitalised words after "Von".
    [GeneratedRegex(@"^(?:Von|Autor:|Autorin:)\s+(?<name>\p{Lu}[\p{L}'\-]+(?:\s+(?:\p{Lu}[\p{L}'\-]+|und|von|van|de))(?:\s+\p{Lu}[\p{L}'\-]+){0,3})$")]
    private static partial Regex Byline();
}
