using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Extraction.Clean;

/// <summary>Metadata of a page from its JSON-LD, meta tags, canonical link and first &lt;time&gt;.</summary>
internal static class HtmlMetadata
{
    internal static PageMetadata Read(IHtmlDocument doc)
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

                Dom.Push(pending, el);
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
            title = h1 is not null ? WhiteSpace.Collapse(h1) : (doc.Title is { Length: > 0 } t ? WhiteSpace.Collapse(t) : null);
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
}
