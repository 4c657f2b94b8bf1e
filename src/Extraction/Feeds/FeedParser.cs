using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace Extraction.Feeds;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 and Atom (with CodeHollow.FeedReader), XML sitemaps, sitemap indexes and Google News
/// sitemaps, plain or gzip. Never throws on bad input: HTML, malformed XML and unknown roots come back as reasons.
/// </summary>
public static class FeedParser
{
    private const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>Parses one response body; <paramref name="maxBytes"/> bounds what a gzip body may unpack to.</summary>
    public static FeedParse Parse(byte[] body, string? mediaType, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length >= 2 && body[0] == 0x1f && body[1] == 0x8b)
        {
            var (unpacked, error) = Gunzip(body, maxBytes);
            if (unpacked is null)
            {
                return FeedParse.Fail(error!);
            }

            body = unpacked;
        }

        if (body.Length == 0)
        {
            return FeedParse.Fail("empty response (no feed or sitemap)");
        }

        XDocument xml;
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                // No DTDs and no external entities: a feed is data from the internet.
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersInDocument = maxBytes * 2,
                MaxCharactersFromEntities = 0,
            });
            xml = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            return FeedParse.Fail(LooksLikeHtml(body, mediaType)
                ? $"HTML instead of XML (content type {mediaType ?? "none"}): a web page, not a feed or sitemap"
                : $"malformed XML: {ex.Message}");
        }

        var root = xml.Root!;
        try
        {
            return root.Name.LocalName switch
            {
                "urlset" => new FeedParse(Sitemap(root), null),
                "sitemapindex" => new FeedParse(SitemapIndex(root), null),
                "rss" or "RDF" or "feed" => Syndication(xml, root),
                "html" => FeedParse.Fail($"HTML instead of XML (content type {mediaType ?? "none"}): a web page, not a feed or sitemap"),
                var other => FeedParse.Fail($"not a feed or sitemap: the XML's root element is <{other}>"),
            };
        }
        catch (Exception ex)
        {
            // The feed library throws what its parsing meets; a bad feed is a reason, not a crash.
            return FeedParse.Fail($"unreadable {root.Name.LocalName} document: {ex.Message}");
        }
    }

    /// <summary>Reads an RFC 822 (RSS) or ISO 8601 (Atom, sitemaps) date; a date without offset is taken as UTC.</summary>
    public static DateTimeOffset? ParseDate(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        var styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, styles, out var parsed))
        {
            return parsed;
        }

        // RFC 822 zone names DateTimeOffset does not know ("Sun, 06 Dec 2026 04:00:00 CET").
        var space = s.LastIndexOf(' ');
        if (space > 0 && ZoneOffset(s[(space + 1)..]) is { } offset
            && DateTime.TryParse(s[..space], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
        }

        return null;
    }

    private static TimeSpan? ZoneOffset(string zone) => zone.ToUpperInvariant() switch
    {
        "UT" or "UTC" or "GMT" or "Z" => TimeSpan.Zero,
        "CET" or "MEZ" => TimeSpan.FromHours(1),
        "CEST" or "MESZ" => TimeSpan.FromHours(2),
        "EST" => TimeSpan.FromHours(-5),
        "EDT" => TimeSpan.FromHours(-4),
        "CST" => TimeSpan.FromHours(-6),
        "CDT" => TimeSpan.FromHours(-5),
        "MST" => TimeSpan.FromHours(-7),
        "MDT" => TimeSpan.FromHours(-6),
        "PST" => TimeSpan.FromHours(-8),
        "PDT" => TimeSpan.FromHours(-7),
        _ => null,
    };

    private static FeedDocument Sitemap(XElement root)
    {
        var entries = new List<FeedEntry>();
        var isNews = false;
        foreach (var url in root.Elements().Where(e => e.Name.LocalName == "url"))
        {
            var loc = Child(url, "loc");
            var lastmod = ParseDate(Child(url, "lastmod"));
            var news = url.Elements().FirstOrDefault(e => e.Name.LocalName == "news" && e.Name.NamespaceName == NewsNs);
            string? title = null;
            DateTimeOffset? published = null;
            if (news is not null)
            {
                isNews = true;
                title = Child(news, "title");
                published = ParseDate(Child(news, "publication_date"));
            }

            entries.Add(new FeedEntry(loc, title, published, lastmod, null));
        }

        return new FeedDocument(isNews ? FeedKind.GoogleNewsSitemap : FeedKind.Sitemap, entries, []);
    }

    private static FeedDocument SitemapIndex(XElement root)
    {
        var sitemaps = root.Elements()
            .Where(e => e.Name.LocalName == "sitemap")
            .Select(e => (Loc: Child(e, "loc"), Lastmod: ParseDate(Child(e, "lastmod"))))
            .Where(s => s.Loc is not null)
            .Select(s => new SitemapRef(s.Loc!, s.Lastmod))
            .ToList();
        return new FeedDocument(FeedKind.SitemapIndex, [], sitemaps);
    }

    // Sitemap children are read by local name: sitemaps in the wild use the protocol's namespace, none, or an old one.
    private static string? Child(XElement parent, string localName)
    {
        var value = parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static FeedParse Syndication(XDocument xml, XElement root)
    {
        var feed = FeedReader.ReadFromString(xml.ToString(SaveOptions.DisableFormatting));
        var kind = feed.Type switch
        {
            FeedType.Atom => FeedKind.Atom,
            FeedType.Rss_1_0 => FeedKind.Rss1,
            FeedType.Rss_2_0 or FeedType.Rss_0_91 or FeedType.Rss_0_92 or FeedType.Rss => FeedKind.Rss2,
            _ => (FeedKind?)null,
        };
        if (kind is null)
        {
            return FeedParse.Fail($"not a feed or sitemap: <{root.Name.LocalName}> that is neither RSS nor Atom");
        }

        var entries = new List<FeedEntry>(feed.Items.Count);
        foreach (var item in feed.Items)
        {
            entries.Add(item.SpecificItem switch
            {
                AtomFeedItem atom => new FeedEntry(
                    AtomLink(atom) ?? item.Link,
                    Text(atom.Title),
                    ParseDate(atom.PublishedDateString),
                    ParseDate(atom.UpdatedDateString),
                    Text(atom.Author?.Name)),
                Rss10FeedItem rdf => new FeedEntry(
                    item.Link ?? rdf.About,
                    Text(item.Title),
                    ParseDate(rdf.DC?.DateString),
                    null,
                    Text(rdf.DC?.Creator)),
                Rss20FeedItem rss => new FeedEntry(
                    item.Link ?? (rss.Guid is { } g && g.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? g : null),
                    Text(item.Title),
                    ParseDate(rss.PublishingDateString) ?? ParseDate(rss.DC?.DateString),
                    null,
                    Text(rss.DC?.Creator) ?? Text(rss.Author)),
                _ => new FeedEntry(item.Link, Text(item.Title), ParseDate(item.PublishingDateString), null, Text(item.Author)),
            });
        }

        return new FeedParse(new FeedDocument(kind.Value, entries, []), null);
    }

    // Atom: the rel="alternate" link (or one without rel) is the article; "self", "edit", "replies" are not.
    private static string? AtomLink(AtomFeedItem atom) =>
        atom.Links?.FirstOrDefault(l => l.Relation is null or "" or "alternate")?.Href
        ?? atom.Link;

    private static string? Text(string? value)
    {
        var s = value?.Trim();
        return string.IsNullOrEmpty(s) ? null : System.Net.WebUtility.HtmlDecode(s);
    }

    private static bool LooksLikeHtml(byte[] body, string? mediaType)
    {
        if (mediaType is "text/html" or "application/xhtml+xml")
        {
            return true;
        }

        var head = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 1024)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static (byte[]? Bytes, string? Error) Gunzip(byte[] body, long maxBytes)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(body, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    return (null, $"gzip body unpacks to more than {maxBytes} bytes");
                }

                output.Write(buffer, 0, read);
            }

            return (output.ToArray(), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, $"broken gzip: {ex.Message}");
        }
    }
}
