using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
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

    private static readonly HashSet<string> FurnitureTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button", "select",
        "input", "textarea", "nav", "footer", "aside", "dialog", "object", "embed", "video", "audio", "figcaption", "menu",
    };

    private static readonly HashSet<string> BoilerTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "ad", "ads", "adslot", "adsense", "advert", "adverts", "advertisement", "anzeige", "anzeigen", "werbung", "sponsor",
        "sponsored", "promo", "promotion", "cookie", "cookies", "consent", "gdpr", "cmp", "newsletter", "subscribe",
        "subscription", "abo", "paywall", "adblock", "adblocker", "comment", "comments", "kommentar", "kommentare",
        "share", "sharing", "social", "sharebar", "related", "recommended", "recommendations", "empfehlungen", "passend",
        "author", "autor", "authorbox", "bio", "marketing", "sidebar", "breadcrumb", "breadcrumbs", "banner",
        "popup", "modal", "overlay", "toolbar", "navigation", "nav", "menu", "footer", "masthead", "outbrain", "taboola",
        "meistgelesen", "mostread", "teaserlist", "readmore", "disqus", "contact", "kontakt", "cta", "ticker",
        "skip", "pagination",
    };

    // Classes that hide an element as a whole name only: "field--label-hidden" (Drupal) hides a label,
    // not its field; "hidden-xs" hides only on small screens; "print-only" is the article itself.
    private static readonly HashSet<string> HiddenClassNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text", "element-invisible", "d-none",
    };

    // A class or id naming content ("paywall-content", "entry-content") does not make a long container furniture.
    private static readonly HashSet<string> ContentTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "content", "body", "text", "article", "story", "main", "entry",
    };

    private const int ContentMinChars = 200;

    private static readonly HashSet<string> BoilerRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "complementary", "contentinfo", "dialog", "alertdialog", "search", "menu", "menubar",
    };

    // A parser sets up its browsing context when created, which costs several times the parse of a
    // typical page; each thread keeps one (AngleSharp does not promise a parser is thread-safe).
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

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

    /// <summary>Reads blocks and metadata; throws <see cref="InvalidDataException"/> for pages that cannot be read.</summary>
    public (List<Block> Blocks, PageMetadata Metadata) Read(string html)
    {
        var depth = ApproximateDepth(html);
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"HTML nested too deeply (over {MaxDepth} levels)");
        }

        var doc = Parser.Value!.ParseDocument(html);
        var meta = ReadMetadata(doc);
        var body = doc.Body;
        if (body is null)
        {
            return ([], meta);
        }

        RemoveFurniture(body);
        var root = FindMainContainer(body);
        var blocks = CollectBlocks(root);

        // The headline often stands outside the article container.
        var h1 = body.QuerySelector("h1");
        if (h1 is not null && !root.Contains(h1))
        {
            var t = Collapse(h1.TextContent);
            if (t.Length > 0)
            {
                blocks.InsertRange(0, [new Block(t, BlockKind.Heading), .. LeadBetween(body, h1, root)]);
            }
        }

        // A page whose DOM holds little but whose JSON-LD carries the body: use the body.
        var domChars = blocks.Sum(b => b.Text.Length);
        if (meta.Body is { Length: > 200 } ldBody && domChars < ldBody.Length / 2)
        {
            blocks = ldBody.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => new Block(Collapse(p), BlockKind.Paragraph))
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
        Push(pending, body);
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
                var text = Collapse(OwnText(el, out var linkChars));
                if (text.Length is >= 40 and <= 1500 && linkChars * 3 < text.Length && text[^1] is '.' or '!' or '?' or '"' or '“' or '»')
                {
                    leads.Add(new Block(text, BlockKind.Paragraph));
                }

                continue;
            }

            Push(pending, el);
        }

        return leads;
    }

    private const int MaxLeadBlocks = 8;

    /// <summary>The blocks of an article's HTML as a whole (no furniture removed, no container sought).</summary>
    internal static List<Block> ReadFragment(string html)
    {
        var doc = Parser.Value!.ParseDocument(html);
        return doc.Body is { } body ? CollectBlocks(body) : [];
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

    private static PageMetadata ReadMetadata(IHtmlDocument doc)
    {
        // One walk over the page collects JSON-LD, meta tags, the canonical link and the first <time>,
        // in document order (the first of each wins, as a selector query would give).
        var scripts = new List<IElement>();
        var metas = new Dictionary<string, string>(StringComparer.Ordinal);
        string? canonical = null, time = null;
        if (doc.DocumentElement is { } rootElement)
        {
            var pending = new Stack<IElement>();
            pending.Push(rootElement);
            while (pending.TryPop(out var el))
            {
                switch (el.LocalName)
                {
                    case "script" when el.GetAttribute("type") == "application/ld+json":
                        scripts.Add(el);
                        break;
                    case "meta" when el.GetAttribute("content") is { } content:
                        foreach (var key in (ReadOnlySpan<string>)["property", "name"])
                        {
                            if (el.GetAttribute(key) is { } name)
                            {
                                metas.TryAdd(key + ":" + name, content.Trim());
                            }
                        }

                        break;
                    case "link" when canonical is null && el.GetAttribute("rel") == "canonical":
                        canonical = el.GetAttribute("href");
                        break;
                    case "time" when time is null && el.GetAttribute("datetime") is { } datetime:
                        time = datetime;
                        break;
                }

                Push(pending, el);
            }
        }

        string? title = null, url = null, published = null, author = null, body = null;
        foreach (var script in scripts)
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                foreach (var node in ArticleNodes(json.RootElement))
                {
                    title ??= Str(node, "headline");
                    published ??= Str(node, "datePublished");
                    url ??= Str(node, "url") ?? (node.TryGetProperty("mainEntityOfPage", out var mep) ? (mep.ValueKind == JsonValueKind.String ? mep.GetString() : Str(mep, "@id")) : null);
                    body ??= Str(node, "articleBody");
                    author ??= AuthorName(node);
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the meta tags below still apply.
            }
        }

        string? Meta(string key) => metas.GetValueOrDefault(key);
        title ??= Meta("property:og:title") ?? Meta("name:twitter:title");
        url ??= Meta("property:og:url") ?? canonical;
        published ??= Meta("property:article:published_time") ?? Meta("name:date") ?? Meta("name:publish-date") ?? time;
        author ??= Meta("name:author") ?? Meta("property:article:author");
        if (title is null)
        {
            var h1 = doc.QuerySelector("h1")?.TextContent;
            title = h1 is not null ? Collapse(h1) : (doc.Title is { Length: > 0 } t ? Collapse(t) : null);
        }

        return new PageMetadata(title, url, published, author, body);
    }

    private static IEnumerable<JsonElement> ArticleNodes(JsonElement e)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(e);
        var visited = 0;
        while (pending.Count > 0 && visited++ < 1000)
        {
            var cur = pending.Pop();
            if (cur.ValueKind == JsonValueKind.Array)
            {
                foreach (var x in cur.EnumerateArray().Reverse())
                {
                    pending.Push(x);
                }

                continue;
            }

            if (cur.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (cur.TryGetProperty("@type", out var type) && IsArticleType(type))
            {
                yield return cur;
            }

            if (cur.TryGetProperty("@graph", out var graph))
            {
                pending.Push(graph);
            }
        }
    }

    private static bool IsArticleType(JsonElement type)
    {
        static bool Is(string? s) => s is "NewsArticle" or "Article" or "ReportageNewsArticle" or "AnalysisNewsArticle"
            or "BlogPosting" or "TechArticle" or "OpinionNewsArticle" or "BackgroundNewsArticle";
        return type.ValueKind switch
        {
            JsonValueKind.String => Is(type.GetString()),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && Is(t.GetString())),
            _ => false,
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()?.Trim()
            : null;

    private static string? AuthorName(JsonElement node)
    {
        if (!node.TryGetProperty("author", out var a))
        {
            return null;
        }

        IEnumerable<JsonElement> all = a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [a];
        var names = all.Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : Str(x, "name"))
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static void RemoveFurniture(IElement body)
    {
        // Not into what goes anyway: a comment section or an icon sprite is judged once, not per element inside.
        // First what never holds the article (scripts, hidden parts); then, with the page's text known, what
        // looks like furniture by its tag, role or name, unless it holds most of the page's text: a
        // "layout-right-sidebar" or "navigation-container" wrapper, a blog's "widget" or an ASP.NET form
        // around the whole page holds the article too, and is looked into instead.
        foreach (var el in Descendants(body, IsHiddenOrCode, intoMatches: false))
        {
            el.Remove();
        }

        var pageChars = TextChars(body);
        var pending = new Stack<IElement>();
        Push(pending, body);
        while (pending.TryPop(out var el))
        {
            if (IsFurniture(el) && !(pageChars >= 400 && TextChars(el) * 2 >= pageChars))
            {
                el.Remove();
                continue;
            }

            Push(pending, el);
        }
    }

    // Characters of text below an element, white space aside.
    private static int TextChars(IElement el)
    {
        var n = 0;
        var text = el.TextContent.AsSpan();
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                n++;
            }
        }

        return n;
    }

    private static readonly HashSet<string> CodeTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "select", "input", "textarea",
        "object", "embed", "video", "audio",
    };

    private static bool IsHiddenOrCode(IElement el)
    {
        if (CodeTags.Contains(el.LocalName) || el.HasAttribute("hidden") || el.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        var style = el.GetAttribute("style");
        if (style is not null)
        {
            var s = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            return s.Contains("display:none", StringComparison.Ordinal) || s.Contains("visibility:hidden", StringComparison.Ordinal);
        }

        return false;
    }

    // Through ChildNodes, a list: AngleSharp's Children collection finds its i-th element by enumerating from the start.
    private static void Push(Stack<IElement> pending, IElement parent)
    {
        var nodes = parent.ChildNodes;
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            if (nodes[i] is IElement child)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>
    /// The descendants of <paramref name="root"/> (not itself) that match, in document order, as
    /// QuerySelectorAll gives them; a plain walk costs less than matching a selector at every element.
    /// Without <paramref name="intoMatches"/> the walk does not go below a match.
    /// </summary>
    private static List<IElement> Descendants(IElement root, Func<IElement, bool> match, bool intoMatches = true)
    {
        var found = new List<IElement>();
        var pending = new Stack<IElement>();
        Push(pending, root);
        while (pending.TryPop(out var el))
        {
            var matched = match(el);
            if (matched)
            {
                found.Add(el);
            }

            if (!matched || intoMatches)
            {
                Push(pending, el);
            }
        }

        return found;
    }

    private static bool IsFurniture(IElement el)
    {
        var tag = el.LocalName;
        if (FurnitureTags.Contains(tag))
        {
            return true;
        }

        if (tag == "header" && el.Closest("article") is null)
        {
            return true;
        }

        if (tag is "html" or "body" or "main" or "article")
        {
            return false;
        }

        var role = el.GetAttribute("role");
        if (role is not null && BoilerRoles.Contains(role))
        {
            return true;
        }

        return HasBoilerName(el, el.GetAttribute("class")) || HasBoilerName(el, el.Id);
    }

    // A class name or id whose parts include a boilerplate token ("ad-slot", "share_bar"), unless it
    // also names content and the element holds a real amount of text ("paywall-content" with the
    // article's locked paragraphs in it).
    private static bool HasBoilerName(IElement el, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var name in value.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (HiddenClassNames.Contains(name))
            {
                return true;
            }

            var boiler = false;
            var content = false;
            foreach (var part in name.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries))
            {
                boiler |= BoilerTokens.Contains(part);
                content |= ContentTokens.Contains(part);
            }

            if (boiler && !(content && el.TextContent.Length >= ContentMinChars))
            {
                return true;
            }
        }

        return false;
    }

    private static IElement FindMainContainer(IElement body)
    {
        var articles = Descendants(body, static e => e.LocalName is "article" or "main" || e.GetAttribute("itemprop") == "articleBody" || e.GetAttribute("role") == "main")
            .Select(a => (El: a, Len: Collapse(a.TextContent).Length))
            .Where(a => a.Len >= 300)
            .ToList();
        if (articles.Count > 0)
        {
            // The smallest such container that still holds most of the largest one's text.
            var best = articles.MaxBy(a => a.Len);
            var tight = articles.Where(a => best.El.Contains(a.El) && a.Len >= best.Len * 0.7).MinBy(a => a.Len);
            return tight.El ?? best.El;
        }

        // Readability-style scoring: paragraphs vote for their parent and, at half weight, grandparent.
        var scores = new Dictionary<IElement, double>();
        foreach (var p in body.QuerySelectorAll("p, pre, blockquote, td"))
        {
            var text = Collapse(p.TextContent);
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

        return scores.Count == 0 ? body : scores.MaxBy(kv => kv.Value).Key;
    }

    private static List<Block> CollectBlocks(IElement root)
    {
        var blocks = new List<Block>();
        IEnumerable<IElement> elements = Descendants(root, static e => BlockSelectorTags.Contains(e.LocalName));
        if (BlockTags.Contains(root.LocalName))
        {
            elements = elements.Prepend(root);
        }

        foreach (var el in elements)
        {
            var own = OwnText(el, out var linkChars);
            var text = Collapse(own);
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
    private static string OwnText(IElement el, out int linkChars)
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

    /// <summary>Collapses runs of white space (including non-breaking) into single spaces.</summary>
    internal static string Collapse(string s)
    {
        if (IsCollapsed(s))
        {
            return s;
        }

        var buffer = s.Length <= 512 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        var space = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var digitGroup = c is '\u00A0' or '\u202F' or '\u2009' && i > 0 && i + 1 < s.Length && char.IsAsciiDigit(s[i - 1]) && char.IsAsciiDigit(s[i + 1]);
            if (char.IsWhiteSpace(c) && !digitGroup)
            {
                space = n > 0;
                continue;
            }

            if (space)
            {
                buffer[n++] = ' ';
                space = false;
            }

            buffer[n++] = c;
        }

        return new string(buffer[..n]);
    }

    // Nothing to collapse: no white space but single ASCII spaces between other characters.
    private static bool IsCollapsed(string s)
    {
        if (s.Length == 0)
        {
            return true;
        }

        if (s[0] == ' ' || s[^1] == ' ')
        {
            return false;
        }

        // Any other white-space character (even a kept digit group) takes the slow path. White space
        // other than ' ' is \t-\r, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F
        // and U+3000 (a test holds this to char.IsWhiteSpace): a few vectorised scans find them all,
        // where one search for the whole set goes character by character past every umlaut.
        var span = s.AsSpan();
        return span.IndexOfAnyInRange('\t', '\r') < 0
            && span.IndexOfAny('\u0085', '\u00A0', '\u1680') < 0
            && span.IndexOfAnyInRange('\u2000', '\u200A') < 0
            && span.IndexOfAny(OtherWhiteSpace) < 0
            && !span.Contains("  ", StringComparison.Ordinal);
    }

    private static readonly System.Buffers.SearchValues<char> OtherWhiteSpace = System.Buffers.SearchValues.Create("\u2028\u2029\u202F\u205F\u3000");
}
