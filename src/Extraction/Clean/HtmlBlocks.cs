using System.Text;
using AngleSharp.Dom;

namespace Extraction.Clean;

/// <summary>Finds the main container of a page and reads its blocks (paragraphs, headings, list items).</summary>
internal static class HtmlBlocks
{
    // What a block is read from ("h1,h2,...,article" as a selector); matched by name in one walk.
    private static readonly HashSet<string> BlockSelectorTags = new(StringComparer.Ordinal)
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "div", "td", "dd", "dt", "section", "article",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "div", "td", "dd", "dt", "section",
        "article", "ul", "ol", "table", "tr", "tbody", "thead", "main", "header", "figure", "dl", "br",
    };

    /// <summary>
    /// The element(s) holding the page's main text, in page order: an article or main element (with a
    /// standfirst set before its body; all the posts of a thread), else the element its paragraphs vote for.
    /// </summary>
    internal static List<IElement> FindMainContent(IElement body)
    {
        var articles = Dom.Descendants(body, static e => e.LocalName is "article" or "main" || e.GetAttribute("itemprop") == "articleBody" || e.GetAttribute("role") == "main")
            .Select(a => (El: a, Len: WhiteSpace.Collapse(a.TextContent).Length))
            .Where(a => a.Len >= 300)
            .ToList();
        if (articles.Count > 0)
        {
            // The smallest such container that still holds most of the largest one's text.
            var best = articles.MaxBy(a => a.Len);
            if (Posts(best.El) is { } thread)
            {
                return [thread];
            }

            var tight = articles.Where(a => best.El.Contains(a.El) && a.Len >= best.Len * 0.7).MinBy(a => a.Len);
            return tight.El is not null && tight.El != best.El ? WithLeadBefore(tight.El, best.El) : [best.El];
        }

        // Readability-style scoring: paragraphs vote for their parent and, at half weight, grandparent.
        var scores = new Dictionary<IElement, double>();
        foreach (var p in body.QuerySelectorAll("p, pre, blockquote, td"))
        {
            var text = WhiteSpace.Collapse(p.TextContent);
            if (text.Length < 25)
            {
                continue;
            }

            var score = 1 + text.Count(c => c == ',') + Math.Min(text.Length / 100, 3);
            if (p.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + score;
                if (parent.ParentElement is { } grand)
                {
                    scores[grand] = scores.GetValueOrDefault(grand) + score / 2.0;
                }
            }
        }

        return scores.Count == 0 ? [body] : [scores.MaxBy(kv => kv.Value).Key];
    }

    // The chosen container and, up to the article element around it, the elements before it that hold
    // a paragraph of sentences and are not mostly links (a standfirst set apart from the body), in page
    // order. Not those after it: there a teaser list or a correction notice is as likely as more text.
    private static List<IElement> WithLeadBefore(IElement tight, IElement limit)
    {
        var picked = new HashSet<IElement> { tight };
        for (var a = tight; a != limit && a.ParentElement is { } parent; a = parent)
        {
            foreach (var node in parent.ChildNodes)
            {
                if (node == a)
                {
                    break;
                }

                if (node is IElement sibling && !sibling.Contains(tight) && IsProseElement(sibling))
                {
                    picked.Add(sibling);
                }
            }
        }

        return picked.Count == 1 ? [tight] : Dom.Descendants(limit, picked.Contains, intoMatches: false);
    }

    // The largest article is one of three or more of its kind side by side (posts of a thread, entries
    // of a blog page): their parent holds the text.
    private static IElement? Posts(IElement best)
    {
        var post = best;
        while (post.ParentElement is { } up && up.LocalName == "article")
        {
            post = up;
        }

        if (post.LocalName != "article" || post.ParentElement is not { } parent)
        {
            return null;
        }

        var kind = post.ClassList.Length > 0 ? post.ClassList[0] : null;
        var alike = 0;
        foreach (var node in parent.ChildNodes)
        {
            if (node is IElement sibling && sibling.LocalName == "article" && (kind is null ? sibling.ClassList.Length == 0 : sibling.ClassList.Contains(kind))
                && sibling.TextContent.Length >= 300)
            {
                alike++;
            }
        }

        return alike >= 3 ? parent : null;
    }

    private static bool IsProseElement(IElement el)
    {
        var text = WhiteSpace.Collapse(el.TextContent);
        if (text.Length < 80 || LinkDensity(el) >= 0.25)
        {
            return false;
        }

        return ProseShape.IsProse(text) || (text[^1] is '.' or '!' or '?' or '"' or '“' or '»' && LineShapes.Words(text) >= 12);
    }

    private static double LinkDensity(IElement el)
    {
        var all = el.TextContent.Length;
        if (all == 0)
        {
            return 0;
        }

        var links = 0;
        foreach (var a in el.QuerySelectorAll("a"))
        {
            links += a.TextContent.Length;
        }

        return (double)links / all;
    }

    internal static List<Block> Collect(IElement root)
    {
        var blocks = new List<Block>();
        IEnumerable<IElement> elements = Dom.Descendants(root, static e => BlockSelectorTags.Contains(e.LocalName));
        if (BlockTags.Contains(root.LocalName))
        {
            elements = elements.Prepend(root);
        }

        foreach (var el in elements)
        {
            var own = OwnText(el, out var linkChars);
            var text = WhiteSpace.Collapse(own);
            if (text.Length == 0)
            {
                continue;
            }

            var tag = el.LocalName;
            if (tag is "div" or "section" or "article" or "td" && text.Length < 30)
            {
                continue;
            }

            // Link lists (teasers, tag clouds) are mostly anchor text.
            if (linkChars > text.Length * 0.6 && text.Length < 300)
            {
                continue;
            }

            var kind = tag switch
            {
                "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
                "li" or "dd" or "dt" => BlockKind.ListItem,
                _ => BlockKind.Paragraph,
            };
            blocks.Add(new Block(text, kind));
        }

        return blocks;
    }

    /// <summary>Text of an element without the text of nested block elements, which are blocks of their own.</summary>
    internal static string OwnText(IElement el, out int linkChars)
    {
        var sb = new StringBuilder();
        linkChars = 0;
        var pending = new Stack<(INode Node, bool InLink)>();
        for (var i = el.ChildNodes.Length - 1; i >= 0; i--)
        {
            pending.Push((el.ChildNodes[i], false));
        }

        while (pending.Count > 0)
        {
            var (node, inLink) = pending.Pop();
            if (node.NodeType == NodeType.Text)
            {
                var t = node.TextContent;

                // Soft hyphens and zero-width spaces only hint where a word may break; the text is without them.
                if (t.AsSpan().IndexOfAny('\u00AD', '\u200B') >= 0)
                {
                    t = t.Replace("\u00AD", "", StringComparison.Ordinal).Replace("\u200B", "", StringComparison.Ordinal);
                }

                sb.Append(t);
                if (inLink)
                {
                    linkChars += t.Trim().Length;
                }

                continue;
            }

            if (node is not IElement child)
            {
                continue;
            }

            if (child.LocalName == "br")
            {
                sb.Append(' ');
                continue;
            }

            if (BlockTags.Contains(child.LocalName))
            {
                sb.Append(' ');
                continue;
            }

            var link = inLink || child.LocalName == "a";
            for (var i = child.ChildNodes.Length - 1; i >= 0; i--)
            {
                pending.Push((child.ChildNodes[i], link));
            }
        }

        return sb.ToString();
    }
}
