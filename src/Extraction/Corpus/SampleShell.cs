using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Extraction.Corpus;

/// <summary>
/// A sample page cut into its shell (everything that is not body text: head, navigation, banners,
/// ads, comments, footer) and slots where its body paragraphs stood. A body paragraph is one that
/// reads like prose: long enough, at least two sentences, standing on its own line (an attribute-less
/// &lt;p&gt; at the start of a line in HTML; a line between blank lines in a text dump).
/// </summary>
internal sealed partial class SampleShell
{
    /// <summary>Paragraphs shorter than this are headings, captions or boilerplate, not body text.</summary>
    private const int MinParagraphChars = 160;

    private SampleShell(string name, bool html, bool latin1, string[] literals, string indent, List<string> paragraphs)
    {
        Name = name;
        IsHtml = html;
        IsLatin1 = latin1;
        Literals = literals;
        LastSlotIndent = indent;
        Paragraphs = paragraphs;
    }

    /// <summary>File name of the sample.</summary>
    public string Name { get; }

    /// <summary>Extension written for pages made from this shell (".html", ".txt", ".md").</summary>
    public string Extension => Path.GetExtension(Name).ToLowerInvariant();

    public bool IsHtml { get; }

    /// <summary>The sample is ISO-8859-1 bytes; pages from it are written in that charset too.</summary>
    public bool IsLatin1 { get; }

    /// <summary>Text around the slots: Literals[0], slot 0, Literals[1], ..., slot n-1, Literals[n].</summary>
    public string[] Literals { get; }

    public int Slots => Literals.Length - 1;

    /// <summary>Whitespace before the last slot's line, to indent repeated paragraphs like the original.</summary>
    public string LastSlotIndent { get; }

    /// <summary>Plain text of the body paragraphs found.</summary>
    public List<string> Paragraphs { get; }

    // An attribute-less paragraph element; the body of most sample pages is a run of them.
    [GeneratedRegex("<p>(.*?)</p>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlParagraph { get; }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag { get; }

    [GeneratedRegex("\\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces { get; }

    // A sentence end: . ! or ? followed by a space or the end, not after a lone digit ("3. März").
    [GeneratedRegex("[^0-9\\s][.!?](\\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd { get; }

    public static SampleShell Parse(string name, byte[] bytes)
    {
        string text;
        var latin1 = false;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
            latin1 = true;
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var ext = Path.GetExtension(name);
        return ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase)
            ? ParseHtml(name, text, latin1)
            : ParseText(name, text, latin1);
    }

    private static SampleShell ParseHtml(string name, string text, bool latin1)
    {
        var literals = new List<string>();
        var paragraphs = new List<string>();
        var indent = "";
        var pos = 0;
        foreach (Match m in HtmlParagraph.Matches(text))
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, m.Index - 1)) + 1;
            var before = text.AsSpan(lineStart, m.Index - lineStart);
            if (!before.IsWhiteSpace())
            {
                continue;
            }

            var plain = Spaces.Replace(WebUtility.HtmlDecode(Tag.Replace(m.Groups[1].Value, "")), " ").Trim();
            if (!IsProse(plain))
            {
                continue;
            }

            literals.Add(text[pos..m.Index]);
            paragraphs.Add(plain);
            indent = before.ToString();
            pos = m.Index + m.Length;
        }

        literals.Add(text[pos..]);
        return new SampleShell(name, true, latin1, [.. literals], indent, paragraphs);
    }

    private static SampleShell ParseText(string name, string text, bool latin1)
    {
        var literals = new List<string>();
        var paragraphs = new List<string>();
        var lines = text.Split('\n');
        var offsets = new int[lines.Length];
        for (int i = 0, o = 0; i < lines.Length; o += lines[i].Length + 1, i++)
        {
            offsets[i] = o;
        }

        var pos = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var alone = (i == 0 || lines[i - 1].Trim().Length == 0) && (i == lines.Length - 1 || lines[i + 1].Trim().Length == 0);
            if (!alone || line.Length == 0 || "#>-*[!|".Contains(line[0], StringComparison.Ordinal) || !IsProse(line.Trim()))
            {
                continue;
            }

            literals.Add(text[pos..offsets[i]]);
            paragraphs.Add(Spaces.Replace(line, " ").Trim());
            pos = offsets[i] + line.Length;
        }

        literals.Add(text[pos..]);
        return new SampleShell(name, false, latin1, [.. literals], "", paragraphs);
    }

    private static bool IsProse(string plain) =>
        plain.Length >= MinParagraphChars && SentenceEnd.Count(plain) >= 2;
}
