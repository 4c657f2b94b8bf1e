using System.Text.RegularExpressions;

namespace Extraction.Clean;

/// <summary>Reads a text dump of a page (or a Markdown export) as one block a line.</summary>
public static partial class TextDumpReader
{
    /// <summary>The blocks of a text dump; Markdown syntax is reduced to its text.</summary>
    public static List<Block> Read(string text, bool markdown) => ReadWithMetadata(text, markdown).Blocks;

    /// <summary>
    /// The blocks of a text dump plus what a Markdown front matter says (title, date, author, URL).
    /// Lines not parted by a blank line share a <see cref="Block.Group"/> when the dump has blank lines at all.
    /// </summary>
    public static (List<Block> Blocks, PageMetadata Metadata) ReadWithMetadata(string text, bool markdown)
    {
        var start = 0;
        var meta = new PageMetadata();
        if (markdown)
        {
            (start, meta) = FrontMatter(text);
        }

        var blocks = new List<Block>();
        var group = 0;

        // Line by line (as split at '\n') without splitting the page: only lines with text become strings.
        for (var pos = start; pos >= 0;)
        {
            var trimmed = NextLine(text, ref pos).TrimEnd('\r').Trim();
            var line = trimmed.IsEmpty ? "" : trimmed.ToString();
            if (line.Length == 0 || (markdown && HorizontalRule().IsMatch(line)))
            {
                if (blocks.Count > 0 && blocks[^1].Group == group)
                {
                    group++;
                }

                continue;
            }

            var kind = BlockKind.Paragraph;
            if (markdown)
            {
                if (line.StartsWith('#'))
                {
                    kind = BlockKind.Heading;
                    line = line.TrimStart('#').Trim();
                }

                line = MarkdownImage().Replace(line, "");
                line = MarkdownLink().Replace(line, "${text}");
                line = line.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal);
                if (line.StartsWith('>'))
                {
                    line = line.TrimStart('>').Trim();
                }

                // A line in *emphasis* as a whole (a standfirst or a tagline).
                if (line.Length > 2 && line[0] is '*' or '_' && line[^1] == line[0])
                {
                    line = line[1..^1].Trim();
                }
            }

            if (line.StartsWith('•') || line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                kind = BlockKind.ListItem;
                line = line.TrimStart('•', '-', '*').Trim();
            }

            line = WhiteSpace.Collapse(line);
            if (line.Length > 0)
            {
                blocks.Add(new Block(line, kind) { Group = group });
            }
        }

        if (group == 0 || blocks[^1].Group == 0)
        {
            // Without blank lines the dump says nothing about which lines belong together.
            blocks = blocks.Select(b => b with { Group = -1 }).ToList();
        }

        return (blocks, meta);
    }

    // YAML front matter between two "---" lines at the very top: metadata, never text.
    // The line at pos (parted by '\n'); pos moves to the next line's start, or -1 after the last line.
    private static ReadOnlySpan<char> NextLine(string text, ref int pos)
    {
        var start = pos;
        var end = text.IndexOf('\n', start);
        pos = end < 0 ? -1 : end + 1;
        return end < 0 ? text.AsSpan(start) : text.AsSpan(start, end - start);
    }

    // YAML front matter between two "---" lines at the very top: metadata, never text. Returns where
    // the text after it starts (-1: nothing after it), or 0 without front matter.
    private static (int Offset, PageMetadata Metadata) FrontMatter(string text)
    {
        var pos = 0;
        var first = NextLine(text, ref pos);
        while (first.Trim().IsEmpty && pos >= 0)
        {
            first = NextLine(text, ref pos);
        }

        if (!first.Trim().SequenceEqual("---"))
        {
            return (0, new PageMetadata());
        }

        string? title = null, date = null, author = null, url = null;
        for (var n = 1; n < 200 && pos >= 0; n++)
        {
            var line = NextLine(text, ref pos).TrimEnd('\r').ToString();
            if (line.Trim() is "---" or "...")
            {
                return (pos, new PageMetadata(title, url, date, author));
            }

            var m = YamlField().Match(line);
            if (!m.Success)
            {
                continue;
            }

            var value = m.Groups["value"].Value.Trim().Trim('"', '\'').Trim();
            if (value.Length == 0)
            {
                continue;
            }

            switch (m.Groups["key"].Value.ToLowerInvariant())
            {
                case "title":
                    title ??= value;
                    break;
                case "date" or "published" or "pubdate":
                    date ??= value;
                    break;
                case "author" or "authors":
                    author ??= value.Trim('[', ']');
                    break;
                case "canonical_url" or "url" or "link":
                    url ??= value;
                    break;
                default:
                    break;
            }
        }

        // No closing line: not front matter after all.
        return (0, new PageMetadata());
    }

    // ![alt](src)
    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex MarkdownImage();

    // [text](href)
    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    // ---, ***, ___ (three or more, spaces allowed)
    [GeneratedRegex(@"^(?:-\s*){3,}$|^(?:\*\s*){3,}$|^(?:_\s*){3,}$")]
    private static partial Regex HorizontalRule();

    // key: value
    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_\-]*)\s*:\s*(?<value>.*)$")]
    private static partial Regex YamlField();
}
