using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Extraction.Clean;

/// <summary>
/// Reads an HTML page with AngleSharp: metadata from JSON-LD, OpenGraph and meta tags; blocks of the
/// main content after removing page furniture (navigation, ads, consent, paywall, comments, share
/// bars, related links, hidden elements), with the main container found by scoring text density.
/// </summary>
public sealed class HtmlReader
{
    /// <summary>Deepest element nesting accepted; deeper pages are refused instead of risking the stack.</summary>
    public const int MaxDepth = 2000;

    // A parser sets up its browsing context when created, which costs several times the parse of a
    // typical page; each thread keeps one (AngleSharp does not promise a parser is thread-safe).
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    /// <summary>Reads blocks and metadata; throws <see cref="InvalidDataException"/> for pages that cannot be read.</summary>
    public (List<Block> Blocks, PageMetadata Metadata) Read(string html)
    {
        var depth = ApproximateDepth(html);
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"HTML nested too deeply (over {MaxDepth} levels)");
        }

        var doc = Parser.Value!.ParseDocument(html);
        var meta = HtmlMetadata.Read(doc);
        var body = doc.Body;
        if (body is null)
        {
            return ([], meta);
        }

        HtmlFurniture.Remove(body);
        var roots = HtmlBlocks.FindMainContent(body);
        var blocks = roots.SelectMany(HtmlBlocks.Collect).ToList();

        // The headline often stands outside the article container.
        var h1 = body.QuerySelector("h1");
        if (h1 is not null && !roots.Any(r => r.Contains(h1)))
        {
            var t = WhiteSpace.Collapse(h1.TextContent);
            if (t.Length > 0)
            {
                blocks.InsertRange(0, [new Block(t, BlockKind.Heading), .. LeadBetween(body, h1, roots[0])]);
            }
        }

        // A page whose DOM holds little but whose JSON-LD carries the body: use the body.
        var domChars = blocks.Sum(b => b.Text.Length);
        if (meta.Body is { Length: > 200 } ldBody && domChars < ldBody.Length / 2)
        {
            blocks = ldBody.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => new Block(WhiteSpace.Collapse(p), BlockKind.Paragraph))
                .ToList();
            if (meta.Title is not null)
            {
                blocks.Insert(0, new Block(meta.Title, BlockKind.Heading));
            }
        }

        return (blocks, meta);
    }

    /// <summary>
    /// The standfirst between a headline outside the article container and the container: paragraphs
    /// of sentences, mostly not links, in page order (a teaser or lead set in the page's header area).
    /// </summary>
    private static List<Block> LeadBetween(IElement body, IElement h1, IElement root)
    {
        var leads = new List<Block>();
        var started = false;
        var pending = new Stack<IElement>();
        Dom.Push(pending, body);
        while (pending.TryPop(out var el) && leads.Count < MaxLeadBlocks)
        {
            if (el == root)
            {
                break;
            }

            if (el == h1)
            {
                started = true;
                continue;
            }

            if (started && el.LocalName == "p" && !el.Contains(root))
            {
                var text = WhiteSpace.Collapse(HtmlBlocks.OwnText(el, out var linkChars));
                if (text.Length is >= 40 and <= 1500 && linkChars * 3 < text.Length && text[^1] is '.' or '!' or '?' or '"' or '“' or '»')
                {
                    leads.Add(new Block(text, BlockKind.Paragraph));
                }

                continue;
            }

            Dom.Push(pending, el);
        }

        return leads;
    }

    private const int MaxLeadBlocks = 8;

    /// <summary>The blocks of an article's HTML as a whole (no furniture removed, no container sought).</summary>
    internal static List<Block> ReadFragment(string html)
    {
        var doc = Parser.Value!.ParseDocument(html);
        return doc.Body is { } body ? HtmlBlocks.Collect(body) : [];
    }

    /// <summary>Maximum open-tag nesting, counted cheaply on the raw text (void and auto-closing tags aside).</summary>
    internal static int ApproximateDepth(string html)
    {
        var depth = 0;
        var max = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var closing = html[i + 1] == '/';
            var j = i + (closing ? 2 : 1);
            var k = j;
            while (k < html.Length && char.IsAsciiLetterOrDigit(html[k]))
            {
                k++;
            }

            if (k == j)
            {
                i++;
                continue;
            }

            var name = html.AsSpan(j, k - j);
            var gt = html.IndexOf('>', k);
            var selfClosing = gt > 0 && html[gt - 1] == '/';
            if (!IsVoidOrAutoClosing(name) && !selfClosing)
            {
                depth += closing ? -1 : 1;
                depth = Math.Max(depth, 0);
                max = Math.Max(max, depth);
            }

            i = k;
        }

        return max;
    }

    private static bool IsVoidOrAutoClosing(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[Math.Min(name.Length, 16)];
        name[..lower.Length].ToLowerInvariant(lower);
        return lower is "br" or "img" or "hr" or "meta" or "link" or "input" or "source" or "wbr" or "col" or "area"
            or "base" or "embed" or "param" or "track" or "p" or "li" or "dt" or "dd" or "option" or "tr" or "td" or "th";
    }
}
