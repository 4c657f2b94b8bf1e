using System.Text.RegularExpressions;

namespace Extraction.Clean;

/// <summary>Reads a text dump of a page (or a Markdown export) as one block a line.</summary>
public static partial class TextDumpReader
{
    /// <summary>The blocks of a text dump; Markdown syntax is reduced to its text.</summary>
    public static List<Block> Read(string text, bool markdown)
    {
        var blocks = new List<Block>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0)
            {
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
            }

            if (line.StartsWith('•') || line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                kind = BlockKind.ListItem;
                line = line.TrimStart('•', '-', '*').Trim();
            }

            line = HtmlReader.Collapse(line);
            if (line.Length > 0)
            {
                blocks.Add(new Block(line, kind));
            }
        }

        return blocks;
    }

    // ![alt](src)
    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex MarkdownImage();

    // [text](href)
    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();
}
