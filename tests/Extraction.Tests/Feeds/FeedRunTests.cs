using System.Text.Json;
using Extraction.Tests.Support;

namespace Extraction.Tests.Feeds;

/// <summary>`extract run --feeds` against a real HTTP server on 127.0.0.1, counting on the server what is fetched.</summary>
public sealed class FeedRunTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day2 = Day1.AddDays(1);
    private static readonly string[] Http = ["--timeout", "5", "--retries", "0", "--parallelism", "2"];

    private readonly CliRunner.TempDir _dir = CliRunner.Temp();
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private string Out => Path.Combine(_dir.Path, "out");

    private string U(string path) => _server.Url(path);

    private void Article(string path, string company, string town, int millions) =>
        _server.Set(path, "text/html; charset=utf-8", FeedXml.Page($"{company} baut in {town}", FeedXml.Report(company, town, millions)));

    private Task<(int Code, string Out, string Err)> Run(string feedsFile, params string[] extra) =>
        CliRunner.Run(["run", "--feeds", feedsFile, "--out", Out, .. Http, .. extra]);

    private JsonElement Feed(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "run.json")));
        return doc.RootElement.GetProperty("feeds").EnumerateArray().Single(f => f.GetProperty("feed").GetString() == U(path)).Clone();
    }

    private static int Count(JsonElement feed, string name) => feed.GetProperty("counts").GetProperty(name).GetInt32();

    /// <summary>Five good feeds of every kind (one gzip, one gzip-encoded) with eight articles, one listed twice.</summary>
    private string ServeGoodFeeds()
    {
        var articles = new (string Path, string Company, string Town, int Millions)[]
        {
            ("/a/1", "Nordlicht Rechnen AG", "Kassel", 20),
            ("/a/2", "Elbtal Silizium GmbH", "Riesa", 45),
            ("/a/3", "Havelwerk Daten AG", "Brandenburg an der Havel", 12),
            ("/b/1", "Saalekreis Cloud GmbH", "Merseburg", 30),
            ("/c/1", "Weserbogen Systeme AG", "Hameln", 18),
            ("/c/2", "Moselhang Digital GmbH", "Trier", 25),
            ("/n/1", "Lahntal Server AG", "Gießen", 40),
            ("/s/1", "Oderbruch Netze GmbH", "Frankfurt (Oder)", 15),
        };
        foreach (var a in articles)
        {
            Article(a.Path, a.Company, a.Town, a.Millions);
        }

        ServeRss(Day1);
        _server.Set("/atom.xml", "application/atom+xml", FeedXml.Atom(
            new TestItem(U("/b/1"), "Cloud in Merseburg", Day1),
            new TestItem(U("/a/1") + "?utm_source=atom#oben", "Doppelt gelistet", Day1)));
        _server.SetBytes("/sitemap.xml.gz", "application/x-gzip", FeedServer.Gzip(System.Text.Encoding.UTF8.GetBytes(FeedXml.Sitemap(
            new TestItem(U("/c/1"), Date: Day1), new TestItem(U("/c/2"), Date: Day1)))));
        _server.Set("/news.xml", "application/xml", FeedXml.NewsSitemap(new TestItem(U("/n/1"), "Server für Gießen", Day1)), gzipEncoded: true);
        _server.Set("/index.xml", "application/xml", FeedXml.SitemapIndex(U("/child.xml")));
        _server.Set("/child.xml", "application/xml", FeedXml.Sitemap(new TestItem(U("/s/1"), Date: Day1)));
        return _dir.File("feeds.txt", $"""
            # Nachtlauf: Feeds und Sitemaps
            {U("/rss.xml")}
            {U("/atom.xml")}
            {U("/sitemap.xml.gz")}

            {U("/news.xml")}
            {U("/index.xml")}
            """);
    }

    private void ServeRss(DateTimeOffset secondItemDate) =>
        _server.Set("/rss.xml", "application/rss+xml; charset=utf-8", FeedXml.Rss2(
            new TestItem(U("/a/1"), "Rechenzentrum in Kassel", Day1, "Erika Muster"),
            new TestItem(U("/A/2".ToLowerInvariant()), "Chips aus Riesa", secondItemDate),
            new TestItem(U("/a/3"), "Daten an der Havel", Day1)));

    private static readonly string[] ArticlePaths = ["/a/1", "/a/2", "/a/3", "/b/1", "/c/1", "/c/2", "/n/1", "/s/1"];
    private static readonly string[] FeedPaths = ["/rss.xml", "/atom.xml", "/sitemap.xml.gz", "/news.xml", "/index.xml", "/child.xml"];

    [Fact]
    public async Task TwoRuns_SameFeeds_EachArticleFetchedOnce_SecondRunOnlyAsksFeedsAndGets304()
    {
        var feeds = ServeGoodFeeds();

        var first = await Run(feeds);
        Assert.True(first.Code == 0, first.Err);
        Assert.All(ArticlePaths, p => Assert.Equal(1, _server.Hits(p)));
        Assert.Equal(8, File.ReadAllLines(Path.Combine(Out, "articles.jsonl")).Length);
        Assert.Equal(3, Count(Feed("/rss.xml"), "new"));
        Assert.Equal(1, Count(Feed("/atom.xml"), "skipped"));

        var second = await Run(feeds);

        Assert.True(second.Code == 0, second.Err);
        Assert.All(ArticlePaths, p => Assert.Equal(1, _server.Hits(p)));
        Assert.All(FeedPaths, p => Assert.Equal(2, _server.Hits(p)));
        Assert.All(FeedPaths, p => Assert.Equal(1, _server.NotModified(p)));
        var rss = Feed("/rss.xml");
        Assert.Equal([3, 0, 0, 3, 0, 0, 0], new[] { "seen", "new", "changed", "unchanged", "skipped", "failed", "fetched" }.Select(n => Count(rss, n)));
        Assert.Equal(8, File.ReadAllLines(Path.Combine(Out, "articles.jsonl")).Length);
        Assert.Contains($"feed {U("/rss.xml")} (304): 3 seen, 0 new, 0 changed, 3 unchanged", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThirdRun_ChangedAndNewArticle_AreFetchedOnce_UnchangedAnswers304_AndTheDiffShowsTheChange()
    {
        var feeds = ServeGoodFeeds();
        Assert.Equal(0, (await Run(feeds)).Code);

        // /a/2 changes (its feed date moves), /a/3's date moves but the page is the same, /a/4 is new.
        Article("/a/2", "Elbtal Silizium GmbH", "Riesa", 90);
        Article("/a/4", "Spreewald Rechenwerk AG", "Cottbus", 60);
        _server.Set("/rss.xml", "application/rss+xml", FeedXml.Rss2(
            new TestItem(U("/a/1"), "Rechenzentrum in Kassel", Day1),
            new TestItem(U("/a/2"), "Chips aus Riesa", Day2),
            new TestItem(U("/a/3"), "Daten an der Havel", Day2),
            new TestItem(U("/a/4"), "Rechenwerk in Cottbus", Day2)));

        var run = await Run(feeds);

        Assert.True(run.Code == 0, run.Err);
        Assert.Equal(2, _server.Hits("/a/2"));
        Assert.Equal(2, _server.Hits("/a/3"));
        Assert.Equal(1, _server.NotModified("/a/3"));
        Assert.Equal(1, _server.Hits("/a/4"));
        Assert.All(ArticlePaths.Except(["/a/2", "/a/3"]), p => Assert.Equal(1, _server.Hits(p)));
        var rss = Feed("/rss.xml");
        Assert.Equal([4, 1, 1, 2, 3, 1], new[] { "seen", "new", "changed", "unchanged", "fetched", "not_modified" }.Select(n => Count(rss, n)));

        var diff = await CliRunner.Run("diff", "--store", Path.Combine(Out, "store.db"), "--color", "never");
        Assert.Equal(1, diff.Code);
        Assert.Contains("90", diff.Out, StringComparison.Ordinal);
        Assert.Contains("Cottbus", diff.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Kassel", diff.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondListingDropsAnItemAndAnArticleFails_DiffShowsTheirRecordsOutOfRun_NotRemoved_Exit0()
    {
        Article("/a/1", "Nordlicht Rechnen AG", "Kassel", 20);
        Article("/a/2", "Elbtal Silizium GmbH", "Riesa", 45);
        Article("/a/3", "Havelwerk Daten AG", "Brandenburg an der Havel", 12);
        _server.Set("/rss.xml", "application/rss+xml", FeedXml.Rss2(
            new TestItem(U("/a/1"), "Rechenzentrum in Kassel", Day1),
            new TestItem(U("/a/2"), "Chips aus Riesa", Day1),
            new TestItem(U("/a/3"), "Daten an der Havel", Day1)));
        Assert.Equal(0, (await Run(_dir.File("feeds.txt", U("/rss.xml")))).Code);

        // Overnight the feed lists only the latest items: /a/2 is gone; /a/3 is updated but cannot be fetched.
        _server.SetStatus("/a/3", 503);
        _server.Set("/rss.xml", "application/rss+xml", FeedXml.Rss2(
            new TestItem(U("/a/1"), "Rechenzentrum in Kassel", Day1),
            new TestItem(U("/a/3"), "Daten an der Havel", Day2)));
        var second = await Run(_dir.File("feeds.txt", U("/rss.xml")));
        Assert.Equal(1, second.Code);

        var diff = await CliRunner.Run("diff", "--store", Path.Combine(Out, "store.db"), "--color", "never");
        var json = await CliRunner.Run("diff", "--store", Path.Combine(Out, "store.db"), "--format", "json");

        Assert.True(diff.Code == 0, diff.Out + diff.Err);
        var lines = diff.Out.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("0 added, 0 removed, 0 changed, 2 out of run; 0 articles changed", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("? [", StringComparison.Ordinal) && l.Contains("Elbtal Silizium", StringComparison.Ordinal)
            && l.EndsWith("(out of run: not in this run)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("? [", StringComparison.Ordinal) && l.Contains("Havelwerk Daten", StringComparison.Ordinal)
            && l.Contains("(out of run: failed in this run: ", StringComparison.Ordinal) && l.Contains("503", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("- ", StringComparison.Ordinal));
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(0, doc.RootElement.GetProperty("removed").GetArrayLength());
        Assert.Equal(
            [$"{U("/a/2")} not_in_run", $"{U("/a/3")} failed"],
            doc.RootElement.GetProperty("out_of_run_articles").EnumerateArray()
                .Select(a => $"{a.GetProperty("article").GetString()} {a.GetProperty("status").GetString()}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BrokenFeeds_AreEachNamedWithTheirReason_AndTheGoodOneGoesOn()
    {
        Article("/a/1", "Nordlicht Rechnen AG", "Kassel", 20);
        _server.Set("/rss.xml", "application/rss+xml", FeedXml.Rss2(new TestItem(U("/a/1"), "Rechenzentrum in Kassel", Day1)));
        _server.Set("/startseite", "text/html", FeedXml.Page("Startseite", "Willkommen auf unserer Seite."));
        _server.Set("/kaputt.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><item><title>ohne Ende</item></channel>");
        _server.Set("/schleife.xml", "application/xml", FeedXml.SitemapIndex(U("/schleife-2.xml")));
        _server.Set("/schleife-2.xml", "application/xml", FeedXml.SitemapIndex(U("/schleife.xml")));
        _server.SetStatus("/kaputt-500.xml", 500);
        var feeds = _dir.File("feeds.txt", string.Join('\n', new[] { "/fehlt.xml", "/startseite", "/rss.xml", "/kaputt.xml", "/schleife.xml", "/kaputt-500.xml" }.Select(U)) + "\nftp://blatt.example/feed\n");

        var run = await Run(feeds);

        Assert.Equal(1, run.Code);
        Assert.Equal(1, _server.Hits("/a/1"));
        Assert.Single(File.ReadAllLines(Path.Combine(Out, "articles.jsonl")));
        Assert.Contains($"{U("/fehlt.xml")}: HTTP 404", run.Err, StringComparison.Ordinal);
        Assert.Contains($"{U("/startseite")}: HTML instead of XML", run.Err, StringComparison.Ordinal);
        Assert.Contains($"{U("/kaputt.xml")}: malformed XML", run.Err, StringComparison.Ordinal);
        Assert.Contains($"{U("/schleife-2.xml")}: sitemap index loop: {U("/schleife.xml")} is listed again", run.Err, StringComparison.Ordinal);
        Assert.Contains($"{U("/kaputt-500.xml")}: HTTP 500", run.Err, StringComparison.Ordinal);
        Assert.Contains("ftp://blatt.example/feed: not a feed URL: unsupported scheme", run.Err, StringComparison.Ordinal);
        Assert.Equal(1, _server.Hits("/schleife.xml"));
        Assert.Equal(1, _server.Hits("/schleife-2.xml"));
        Assert.Equal("failed", Feed("/kaputt.xml").GetProperty("status").GetString());
        Assert.Equal("ok", Feed("/rss.xml").GetProperty("status").GetString());
    }

    [Fact]
    public async Task EndlessChainOfSitemapIndexes_StopsAtTheDepthLimit_AndKeepsWhatItFound()
    {
        // Each index lists a sitemap with one article and the next index, as a generated "page=N+1" chain would.
        for (var i = 0; i < 8; i++)
        {
            _server.Set($"/kette/{i}.xml", "application/xml", FeedXml.SitemapIndex(U($"/kette/{i}-artikel.xml"), U($"/kette/{i + 1}.xml")));
            _server.Set($"/kette/{i}-artikel.xml", "application/xml", FeedXml.Sitemap(new TestItem(U($"/k/{i}"), Date: Day1)));
            Article($"/k/{i}", $"Kettenglied {i} AG", "Jena", i + 1);
        }

        var run = await CliRunner.Run(["run", "--feed", U("/kette/0.xml"), "--out", Out, .. Http]);

        Assert.Equal(1, run.Code);
        Assert.Contains("sitemap indexes nested deeper than 4", run.Err, StringComparison.Ordinal);
        Assert.Equal(0, _server.Hits("/kette/5.xml"));
        Assert.Equal(4, Count(Feed("/kette/0.xml"), "new"));
        Assert.Equal(1, _server.Hits("/k/0"));
    }

    [Fact]
    public async Task FeedItemMetadata_FillsWhatThePageLacks_AndNotWhatItHas()
    {
        _server.Set("/bare", "text/html", FeedXml.BarePage(FeedXml.Report("Rhönblick Daten GmbH", "Fulda", 22)));
        Article("/full", "Vogelsberg Rechnen AG", "Lauterbach", 11);
        _server.Set("/rss.xml", "application/rss+xml", FeedXml.Rss2(
            new TestItem(U("/bare"), "Rechenzentrum für Fulda", Day1, "Erika Muster"),
            new TestItem(U("/full"), "Anderer Titel im Feed", Day1, "Max Beispiel")));

        var run = await CliRunner.Run(["run", "--feed", U("/rss.xml"), "--out", Out, .. Http]);

        Assert.True(run.Code == 0, run.Err);
        var articles = File.ReadAllLines(Path.Combine(Out, "articles.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(a => a.GetProperty("article").GetString()!);
        var bare = articles[U("/bare")];
        Assert.Equal("Rechenzentrum für Fulda", bare.GetProperty("title").GetString());
        Assert.Equal("Erika Muster", bare.GetProperty("author").GetString());
        Assert.StartsWith("2026-11-30T06:00:00", bare.GetProperty("published").GetString(), StringComparison.Ordinal);
        Assert.Equal("Vogelsberg Rechnen AG baut in Lauterbach", articles[U("/full")].GetProperty("title").GetString());
    }

    [Fact]
    public async Task SinceAndMaxItems_BoundAFirstRun()
    {
        var items = Enumerable.Range(1, 6).Select(i =>
        {
            Article($"/d/{i}", $"Firma {i} AG", "Ulm", i);
            return new TestItem(U($"/d/{i}"), $"Meldung {i}", Day1.AddDays(-i));
        }).ToArray();
        _server.Set("/sitemap.xml", "application/xml", FeedXml.Sitemap(items));

        var run = await CliRunner.Run(["run", "--feed", U("/sitemap.xml"), "--out", Out, "--since", "2026-11-26", "--max-items", "2", .. Http]);

        Assert.True(run.Code == 0, run.Err);
        Assert.Equal([1, 1, 0, 0, 0, 0], Enumerable.Range(1, 6).Select(i => _server.Hits($"/d/{i}")));
        var feed = Feed("/sitemap.xml");
        Assert.Equal(6, Count(feed, "seen"));
        Assert.Equal(2, Count(feed, "new"));
        Assert.Equal(4, Count(feed, "skipped"));
    }

    [Fact]
    public async Task Since_LeavesOlderSitemapsOfAnIndexUnread()
    {
        Article("/neu/1", "Firma Neu AG", "Ulm", 3);
        Article("/alt/1", "Firma Alt AG", "Ulm", 4);
        _server.Set("/index.xml", "application/xml", FeedXml.SitemapIndexDated((U("/sitemap-neu.xml"), Day1), (U("/sitemap-alt.xml"), Day1.AddMonths(-3))));
        _server.Set("/sitemap-neu.xml", "application/xml", FeedXml.Sitemap(new TestItem(U("/neu/1"), Date: Day1)));
        _server.Set("/sitemap-alt.xml", "application/xml", FeedXml.Sitemap(new TestItem(U("/alt/1"), Date: Day1.AddMonths(-3))));

        var run = await CliRunner.Run(["run", "--feed", U("/index.xml"), "--out", Out, "--since", "2026-11-01", .. Http]);

        Assert.True(run.Code == 0, run.Err);
        Assert.Equal(0, _server.Hits("/sitemap-alt.xml"));
        Assert.Equal(0, _server.Hits("/alt/1"));
        Assert.Equal(1, _server.Hits("/neu/1"));
        Assert.Equal(1, Feed("/index.xml").GetProperty("sitemaps_skipped").GetInt32());
    }

    [Fact]
    public async Task RobotsTxt_DisallowingAFeed_NamesIt_AndNeverFetchesIt()
    {
        _server.Set("/robots.txt", "text/plain", "User-agent: *\nDisallow: /intern/\n");
        _server.Set("/intern/rss.xml", "application/rss+xml", FeedXml.Rss2(new TestItem(U("/a/1"), "x", Day1)));
        Article("/a/1", "Nordlicht Rechnen AG", "Kassel", 20);
        _server.Set("/rss.xml", "application/rss+xml", FeedXml.Rss2(new TestItem(U("/a/1"), "Rechenzentrum in Kassel", Day1)));

        var run = await CliRunner.Run(["run", "--feed", U("/intern/rss.xml"), "--feed", U("/rss.xml"), "--out", Out, .. Http]);

        Assert.Equal(1, run.Code);
        Assert.Contains($"{U("/intern/rss.xml")}: blocked by robots.txt", run.Err, StringComparison.Ordinal);
        Assert.Equal(0, _server.Hits("/intern/rss.xml"));
        Assert.Equal(1, _server.Hits("/a/1"));
    }

    [Fact]
    public async Task TrackingVariantsOfOneLink_AreFetchedOnceUnderTheCleanUrl()
    {
        Article("/a/1", "Nordlicht Rechnen AG", "Kassel", 20);
        var host = new Uri(_server.BaseUrl);
        _server.Set("/rss.xml", "application/rss+xml", FeedXml.Rss2(
            new TestItem($"HTTP://{host.Host.ToUpperInvariant()}:{host.Port}/a/1?utm_source=rss&utm_medium=feed#kommentare", "eins", Day1),
            new TestItem(U("/a/1") + "?fbclid=abc", "zwei", Day1)));

        var run = await CliRunner.Run(["run", "--feed", U("/rss.xml"), "--out", Out, .. Http]);

        Assert.True(run.Code == 0, run.Err);
        Assert.Equal(1, _server.Hits("/a/1"));
        Assert.Contains(_server.Log, l => l.Target == "/a/1");
        Assert.DoesNotContain(_server.Log, l => l.Target.StartsWith("/a/1?", StringComparison.Ordinal));
        Assert.Equal(1, Count(Feed("/rss.xml"), "skipped"));
    }

    [Fact]
    public async Task ArticleThatFailed_IsFetchedAgainNextRun()
    {
        _server.SetStatus("/a/1", 503);
        _server.Set("/rss.xml", "application/rss+xml", FeedXml.Rss2(new TestItem(U("/a/1"), "Rechenzentrum in Kassel", Day1)));
        Assert.Equal(1, (await CliRunner.Run(["run", "--feed", U("/rss.xml"), "--out", Out, .. Http])).Code);
        Assert.Equal(1, Count(Feed("/rss.xml"), "failed"));

        Article("/a/1", "Nordlicht Rechnen AG", "Kassel", 20);
        var run = await CliRunner.Run(["run", "--feed", U("/rss.xml"), "--out", Out, .. Http]);

        Assert.True(run.Code == 0, run.Err);
        Assert.Equal(2, _server.Hits("/a/1"));
        Assert.Equal(1, Count(Feed("/rss.xml"), "new"));
    }

    [Fact]
    public async Task Recheck_AsksAboutEveryKnownArticle_AndGets304()
    {
        Article("/a/1", "Nordlicht Rechnen AG", "Kassel", 20);
        _server.Set("/rss.xml", "application/rss+xml", FeedXml.Rss2(new TestItem(U("/a/1"), "Rechenzentrum in Kassel", Day1)));
        Assert.Equal(0, (await CliRunner.Run(["run", "--feed", U("/rss.xml"), "--out", Out, .. Http])).Code);

        var run = await CliRunner.Run(["run", "--feed", U("/rss.xml"), "--out", Out, "--recheck", .. Http]);

        Assert.True(run.Code == 0, run.Err);
        Assert.Equal(2, _server.Hits("/a/1"));
        Assert.Equal(1, _server.NotModified("/a/1"));
    }

    [Fact]
    public async Task NoStore_EveryItemIsNew_AndNothingIsRemembered()
    {
        Article("/a/1", "Nordlicht Rechnen AG", "Kassel", 20);
        _server.Set("/rss.xml", "application/rss+xml", FeedXml.Rss2(new TestItem(U("/a/1"), "Rechenzentrum in Kassel", Day1)));

        Assert.Equal(0, (await CliRunner.Run(["run", "--feed", U("/rss.xml"), "--out", Out, "--no-store", .. Http])).Code);
        Assert.Equal(0, (await CliRunner.Run(["run", "--feed", U("/rss.xml"), "--out", Out, "--no-store", .. Http])).Code);

        Assert.Equal(2, _server.Hits("/a/1"));
        Assert.Equal(0, _server.NotModified("/rss.xml"));
    }
}
