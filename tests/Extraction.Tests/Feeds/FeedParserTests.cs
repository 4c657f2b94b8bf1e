using System.Text;
using Extraction.Feeds;

namespace Extraction.Tests.Feeds;

public sealed class FeedParserTests
{
    private const long Max = 1 << 20;
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 8, 15, 0, TimeSpan.FromHours(1));

    private static FeedParse Parse(string xml, string? mediaType = "application/xml") => FeedParser.Parse(Encoding.UTF8.GetBytes(xml), mediaType, Max);

    [Fact]
    public void Parse_Rss2_ReadsLinkTitleDateAndCreator()
    {
        var parsed = Parse(FeedXml.Rss2(new TestItem("https://blatt.example/a/1", "Neues Werk in Kassel", Monday, "Erika Muster")));

        var doc = Assert.IsType<FeedDocument>(parsed.Document);
        Assert.Equal(FeedKind.Rss2, doc.Kind);
        var entry = Assert.Single(doc.Entries);
        Assert.Equal("https://blatt.example/a/1", entry.Link);
        Assert.Equal("Neues Werk in Kassel", entry.Title);
        Assert.Equal(Monday, entry.Published);
        Assert.Equal("Erika Muster", entry.Author);
    }

    [Fact]
    public void Parse_Atom_TakesTheAlternateLinkNotSelf()
    {
        var parsed = Parse(FeedXml.Atom(new TestItem("https://blatt.example/b/1", "Chips aus Dresden", Monday, "Max Beispiel")));

        var doc = Assert.IsType<FeedDocument>(parsed.Document);
        Assert.Equal(FeedKind.Atom, doc.Kind);
        var entry = Assert.Single(doc.Entries);
        Assert.Equal("https://blatt.example/b/1", entry.Link);
        Assert.Equal(Monday, entry.Updated);
        Assert.Equal("Max Beispiel", entry.Author);
    }

    [Fact]
    public void Parse_Rss1_ReadsDublinCoreDateAndCreator()
    {
        var parsed = Parse(FeedXml.Rss1(new TestItem("https://blatt.example/r/1", "Förderung für Halle", Monday, "Jana Probe")));

        var doc = Assert.IsType<FeedDocument>(parsed.Document);
        Assert.Equal(FeedKind.Rss1, doc.Kind);
        var entry = Assert.Single(doc.Entries);
        Assert.Equal("https://blatt.example/r/1", entry.Link);
        Assert.Equal("Förderung für Halle", entry.Title);
        Assert.Equal(Monday, entry.Published);
        Assert.Equal("Jana Probe", entry.Author);
    }

    [Fact]
    public void Parse_SitemapAndNewsSitemapAndIndex_AreTold()
    {
        var sitemap = Parse(FeedXml.Sitemap(new TestItem("https://blatt.example/c/1", Date: Monday))).Document!;
        Assert.Equal(FeedKind.Sitemap, sitemap.Kind);
        Assert.Equal(Monday, Assert.Single(sitemap.Entries).Updated);

        var news = Parse(FeedXml.NewsSitemap(new TestItem("https://blatt.example/n/1", "Fabrik in Magdeburg", Monday))).Document!;
        Assert.Equal(FeedKind.GoogleNewsSitemap, news.Kind);
        Assert.Equal("Fabrik in Magdeburg", Assert.Single(news.Entries).Title);
        Assert.Equal(Monday, news.Entries[0].Published);

        var index = Parse(FeedXml.SitemapIndex("https://blatt.example/s1.xml", "/s2.xml")).Document!;
        Assert.Equal(FeedKind.SitemapIndex, index.Kind);
        Assert.Equal(["https://blatt.example/s1.xml", "/s2.xml"], index.Sitemaps.Select(m => m.Link));
    }

    [Fact]
    public void Parse_GzipBody_IsUnpacked()
    {
        var gz = FeedServer.Gzip(Encoding.UTF8.GetBytes(FeedXml.Sitemap(new TestItem("https://blatt.example/c/2"))));

        var parsed = FeedParser.Parse(gz, "application/x-gzip", Max);

        Assert.Equal("https://blatt.example/c/2", Assert.Single(parsed.Document!.Entries).Link);
    }

    [Fact]
    public void Parse_GzipBombBeyondLimit_IsRefused()
    {
        var gz = FeedServer.Gzip(new byte[4096]);

        var parsed = FeedParser.Parse(gz, null, 1024);

        Assert.Null(parsed.Document);
        Assert.Contains("more than 1024 bytes", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>Start</title></head><body><p>Willkommen<br></p></body></html>", "text/html", "HTML instead of XML")]
    [InlineData("<rss version=\"2.0\"><channel><item><title>offen</channel></rss>", "application/rss+xml", "malformed XML")]
    [InlineData("<?xml version=\"1.0\"?><kunden><kunde/></kunden>", "application/xml", "root element is <kunden>")]
    [InlineData("", "application/xml", "empty response")]
    public void Parse_NotAFeed_SaysWhy(string body, string mediaType, string reason)
    {
        var parsed = Parse(body, mediaType);

        Assert.Null(parsed.Document);
        Assert.Contains(reason, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExternalEntity_IsNotResolved()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE urlset [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://blatt.example/x&geheim;</loc></url></urlset>
            """;

        var parsed = Parse(xml);

        var said = parsed.Document is { Entries.Count: > 0 } doc ? doc.Entries[0].Link : parsed.Error;
        Assert.DoesNotContain("root:", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mon, 30 Nov 2026 08:15:00 +0100")]
    [InlineData("Mon, 30 Nov 2026 07:15:00 GMT")]
    [InlineData("Mon, 30 Nov 2026 08:15:00 CET")]
    [InlineData("2026-11-30T08:15:00+01:00")]
    [InlineData("2026-11-30T07:15:00Z")]
    public void ParseDate_Rfc822AndIso8601_GiveTheSameInstant(string text)
    {
        Assert.Equal(Monday, FeedParser.ParseDate(text));
    }

    [Fact]
    public void ParseDate_Garbage_IsNull()
    {
        Assert.Null(FeedParser.ParseDate("gestern Abend"));
    }
}
