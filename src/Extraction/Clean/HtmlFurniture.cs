using AngleSharp.Dom;

namespace Extraction.Clean;

/// <summary>
/// Removes page furniture from a parsed page: hidden parts and code, then navigation, ads, consent,
/// paywall, comments, share bars and related links found by tag, role, class or id.
/// </summary>
internal static class HtmlFurniture
{
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

    internal static void Remove(IElement body)
    {
        // Not into what goes anyway: a comment section or an icon sprite is judged once, not per element inside.
        // First what never holds the article (scripts, hidden parts); then, with the page's text known, what
        // looks like furniture by its tag, role or name, unless it holds most of the page's text: a
        // "layout-right-sidebar" or "navigation-container" wrapper, a blog's "widget" or an ASP.NET form
        // around the whole page holds the article too, and is looked into instead.
        foreach (var el in Dom.Descendants(body, IsHiddenOrCode, intoMatches: false))
        {
            el.Remove();
        }

        var pageChars = TextChars(body);
        var pending = new Stack<IElement>();
        Dom.Push(pending, body);
        while (pending.TryPop(out var el))
        {
            if (IsFurniture(el) && !(pageChars >= 400 && TextChars(el) * 2 >= pageChars))
            {
                el.Remove();
                continue;
            }

            Dom.Push(pending, el);
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

    // Never the text: code, media and form controls, and ruby annotations (rt, rp), the reading aid
    // printed above East Asian characters, which read into the line would break every sentence.
    private static readonly HashSet<string> CodeTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "select", "input", "textarea",
        "object", "embed", "video", "audio", "rt", "rp",
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
}
