using System.Globalization;
using System.Net;

namespace Extraction.Tests.Feeds;

/// <summary>One item as the tests write it into a feed or sitemap.</summary>
public sealed record TestItem(string Link, string? Title = null, DateTimeOffset? Date = null, string? Author = null);

/// <summary>Writes the feed and sitemap formats the source reads, and small German article pages of our own.</summary>
public static class FeedXml
{
    public static string Rss2(params TestItem[] items) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Wirtschaft</title>
            <link>http://example.invalid/</link>
            <description>Testkanal</description>
            {string.Concat(items.Select(i => $"""
              <item>
                <title>{Esc(i.Title)}</title>
                <link>{Esc(i.Link)}</link>
                {(i.Date is { } d ? $"<pubDate>{d.ToString("R", CultureInfo.InvariantCulture)}</pubDate>" : "")}
                {(i.Author is { } a ? $"<dc:creator>{Esc(a)}</dc:creator>" : "")}
              </item>
              """))}
          </channel>
        </rss>
        """;

    public static string Atom(params TestItem[] items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Technik</title>
          <id>urn:test:atom</id>
          <updated>2026-12-01T00:00:00Z</updated>
          {string.Concat(items.Select((i, n) => $"""
            <entry>
              <title>{Esc(i.Title)}</title>
              <id>urn:test:{n}</id>
              <link rel="self" href="{Esc(i.Link)}.atom"/>
              <link rel="alternate" href="{Esc(i.Link)}"/>
              {(i.Date is { } d ? $"<published>{Iso(d)}</published><updated>{Iso(d)}</updated>" : "")}
              {(i.Author is { } a ? $"<author><name>{Esc(a)}</name></author>" : "")}
            </entry>
            """))}
        </feed>
        """;

    public static string Rss1(params TestItem[] items) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="http://example.invalid/rdf">
            <title>Regional</title>
            <link>http://example.invalid/</link>
            <description>Testkanal</description>
          </channel>
          {string.Concat(items.Select(i => $"""
            <item rdf:about="{Esc(i.Link)}">
              <title>{Esc(i.Title)}</title>
              <link>{Esc(i.Link)}</link>
              {(i.Date is { } d ? $"<dc:date>{Iso(d)}</dc:date>" : "")}
              {(i.Author is { } a ? $"<dc:creator>{Esc(a)}</dc:creator>" : "")}
            </item>
            """))}
        </rdf:RDF>
        """;

    public static string Sitemap(params TestItem[] items) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          {string.Concat(items.Select(i => $"<url><loc>{Esc(i.Link)}</loc>{(i.Date is { } d ? $"<lastmod>{Iso(d)}</lastmod>" : "")}</url>"))}
        </urlset>
        """;

    public static string NewsSitemap(params TestItem[] items) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          {string.Concat(items.Select(i => $"""
            <url>
              <loc>{Esc(i.Link)}</loc>
              <news:news>
                <news:publication><news:name>Testblatt</news:name><news:language>de</news:language></news:publication>
                {(i.Date is { } d ? $"<news:publication_date>{Iso(d)}</news:publication_date>" : "")}
                <news:title>{Esc(i.Title)}</news:title>
              </news:news>
            </url>
            """))}
        </urlset>
        """;

    public static string SitemapIndex(params string[] sitemaps) => SitemapIndexDated([.. sitemaps.Select(s => (s, (DateTimeOffset?)null))]);

    public static string SitemapIndexDated(params (string Loc, DateTimeOffset? Lastmod)[] sitemaps) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          {string.Concat(sitemaps.Select(s => $"<sitemap><loc>{Esc(s.Loc)}</loc>{(s.Lastmod is { } d ? $"<lastmod>{Iso(d)}</lastmod>" : "")}</sitemap>"))}
        </sitemapindex>
        """;

    /// <summary>A page with a headline and the given paragraphs (our own German sentences).</summary>
    public static string Page(string title, params string[] paragraphs) => $"""
        <!DOCTYPE html>
        <html lang="de"><head><meta charset="utf-8"><title>{Esc(title)}</title></head>
        <body><nav><a href="/">Start</a></nav>
        <article><h1>{Esc(title)}</h1>{string.Concat(paragraphs.Select(p => $"<p>{Esc(p)}</p>"))}</article>
        <footer>Impressum</footer></body></html>
        """;

    /// <summary>A page with no title, date or author anywhere: the feed has to supply them.</summary>
    public static string BarePage(params string[] paragraphs) => $"""
        <!DOCTYPE html>
        <html lang="de"><head><meta charset="utf-8"></head>
        <body><article>{string.Concat(paragraphs.Select(p => $"<p>{Esc(p)}</p>"))}</article></body></html>
        """;

    /// <summary>An invented report: a company, a town and a sum, in sentences of our own.</summary>
    public static string[] Report(string company, string town, int millions) =>
    [
        $"Die {company} investiert {millions} Millionen Euro in ein neues Rechenzentrum in {town}.",
        $"Nach Angaben des Unternehmens sollen dort ab dem kommenden Jahr Server für Anwendungen der künstlichen Intelligenz laufen.",
        $"Der Bürgermeister von {town} sprach von einem wichtigen Signal für die Region und für neue Arbeitsplätze.",
    ];

    private static string Iso(DateTimeOffset d) => d.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Esc(string? s) => WebUtility.HtmlEncode(s ?? "");
}
