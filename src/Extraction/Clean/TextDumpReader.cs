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
            (start, meta) = FrontMatter(text.Split('\n'), text);
        }

        var blocks = new List<Block>();
        var group = 0;

        // Line by line (as split at '\n') without splitting the page: only lines with text become strings.
        for (var pos = start; pos >= 0;)
        {
            var end = text.IndexOf('\n', pos);
            var raw = end < 0 ? text.AsSpan(pos) : text.AsSpan(pos, end - pos);
            pos = end < 0 ? -1 : end + 1;
            var trimmed = raw.TrimEnd('\r').Trim();
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

            line = HtmlReader.Collapse(line);
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
    private static (int Offset, PageMetadata Metadata) FrontMatter(string[] lines, string text)
    {
        var start = 0;
        while (start < lines.Length && lines[start].Trim().Length == 0)
        {
            start++;
        }

        if (start >= lines.Length || lines[start].Trim() != "---")
        {
            return (0, new PageMetadata());
        }

        string? title = null, date = null, author = null, url = null;
        for (var n = start + 1; n < lines.Length && n < start + 200; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (line.Trim() is "---" or "...")
            {
                return (OffsetOfLine(text, n + 1), new PageMetadata(title, url, date, author));
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

    // Where line n (0-based, lines parted by '\n') starts; -1 when there are not that many lines.
    private static int OffsetOfLine(string text, int n)
    {
        var offset = 0;
        for (var k = 0; k < n; k++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0)
            {
                return -1;
            }

            offset = next + 1;
        }

        return offset;
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
