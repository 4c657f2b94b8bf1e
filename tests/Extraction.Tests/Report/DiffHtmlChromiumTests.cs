using System.Diagnostics;
using AngleSharp.Html.Parser;
using Extraction.Report;
using Extraction.Tests.Store;

namespace Extraction.Tests.Report;

/// <summary>
/// A fact that runs only where headless Chromium is installed, and says so when it is not; under
/// CI=true it runs anyway, so a CI machine without Chromium fails the report tests instead of skipping them.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Binary = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Binary) && !RequiredHere)
        {
            Skip = $"SKIPPED: {Binary} not found, so the HTML report was not rendered in a browser. Install it with: apt-get install -y chromium";
        }
    }

    /// <summary>CI=true (as .ci/run is started): Chromium must be there.</summary>
    public static bool RequiredHere => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The HTML diff report as a browser shows it, after its script ran: headless Chromium dumps the live DOM.</summary>
public sealed class DiffHtmlChromiumTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Report()
    {
        var path = _dir["report.html"];
        File.WriteAllText(path, DiffHtml.Render(DiffSamples.Mixed(), new DiffSides("run 1", "run 2"), DateTimeOffset.UnixEpoch));
        return path;
    }

    private Task<AngleSharp.Html.Dom.IHtmlDocument> DumpDom(string url) => DumpDom(url, _dir["chromium-profile"]);

    /// <summary>The live DOM of <paramref name="url"/> after its scripts ran, as headless Chromium prints it.</summary>
    internal static async Task<AngleSharp.Html.Dom.IHtmlDocument> DumpDom(string url, string profile)
    {
        Assert.True(File.Exists(ChromiumFactAttribute.Binary), $"CI=true and {ChromiumFactAttribute.Binary} is missing: .ci/run installs it (apt-get install -y chromium); the report test must not be skipped in CI");
        var info = new ProcessStartInfo(ChromiumFactAttribute.Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--dump-dom", url,
        })
        {
            info.ArgumentList.Add(a);
        }

        using var chromium = Process.Start(info)!;
        var stdout = chromium.StandardOutput.ReadToEndAsync();
        var stderr = chromium.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await chromium.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            chromium.Kill(entireProcessTree: true);
            throw;
        }

        var dom = await stdout;
        Assert.True(dom.Contains("<html", StringComparison.Ordinal), $"chromium printed no DOM (exit {chromium.ExitCode}): {await stderr}");
        return new HtmlParser().ParseDocument(dom);
    }

    internal static string[] Visible(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll("#records tbody tr.rec").Where(r => !r.HasAttribute("hidden")).Select(r => r.GetAttribute("data-id")!).ToArray();

    [ChromiumFact]
    public async Task Report_KindFilterInHash_ShowsOnlyHardware()
    {
        var doc = await DumpDom(new Uri(Report()).AbsoluteUri + "#kind=hardware");

        Assert.Equal("2", doc.GetElementById("count-added")!.TextContent);
        Assert.Equal("1", doc.GetElementById("count-removed")!.TextContent);
        Assert.Equal("1", doc.GetElementById("count-changed")!.TextContent);
        Assert.Equal(["dddddddddddd"], Visible(doc));
        Assert.Equal("1 of 4 shown", doc.GetElementById("shown")!.TextContent);
        Assert.Equal("yes", doc.Body!.GetAttribute("data-filtered"));
    }

    [ChromiumFact]
    public async Task Report_ActorAndChangeFilterInQuery_ShowsTheChangedMicrosoftRecord()
    {
        var doc = await DumpDom(new Uri(Report()).AbsoluteUri + "?actor=Microsoft&change=changed");

        Assert.Equal(["cccccccccccc"], Visible(doc));
        Assert.Equal("1 of 4 shown", doc.GetElementById("shown")!.TextContent);
        Assert.True(doc.GetElementById("empty")!.HasAttribute("hidden"));
    }

    [ChromiumFact]
    public async Task Report_OutOfRunFilter_ShowsOnlyTheRecordWhoseArticleFailed_AndTheArticleViewLeavesItOut()
    {
        // 05.html (Intel's removed record) failed in the newer run: the record is out of run, not removed.
        var d = DiffSamples.Mixed().SplitOutOfRun(a => a != "05.html").WithFailedArticles(new Dictionary<string, string> { ["05.html"] = "HTTP 503" });
        var path = _dir["out-of-run.html"];
        File.WriteAllText(path, DiffHtml.Render(d, new DiffSides("run 1", "run 2"), DateTimeOffset.UnixEpoch));

        var records = await DumpDom(new Uri(path).AbsoluteUri + "#change=out-of-run");
        var articles = await DumpDom(new Uri(path).AbsoluteUri + "#view=articles");

        Assert.Equal(("0", "1"), (records.GetElementById("count-removed")!.TextContent, records.GetElementById("count-out-of-run")!.TextContent));
        Assert.Equal(["bbbbbbbbbbbb"], Visible(records));
        Assert.Equal("1 of 4 shown", records.GetElementById("shown")!.TextContent);
        Assert.Equal("out of run: failed in this run: HTTP 503", records.QuerySelector("tr.rec[data-id=bbbbbbbbbbbb] p.why")!.TextContent);
        Assert.Equal("4", articles.GetElementById("count-articles")!.TextContent);
        Assert.DoesNotContain("05.html", VisibleArticles(articles));
        Assert.Equal("4 of 4 articles shown", articles.GetElementById("shown")!.TextContent);
    }

    internal static string[] VisibleArticles(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll("#by-article article.art").Where(a => !a.HasAttribute("hidden")).Select(a => a.GetAttribute("data-article")!).ToArray();

    [ChromiumFact]
    public async Task Report_ArticleView_GroupsEveryChangedArticle()
    {
        var doc = await DumpDom(new Uri(Report()).AbsoluteUri + "#view=articles");

        Assert.True(doc.GetElementById("by-record")!.HasAttribute("hidden"));
        Assert.False(doc.GetElementById("by-article")!.HasAttribute("hidden"));
        Assert.Equal("5", doc.GetElementById("count-articles")!.TextContent);
        Assert.Equal(5, VisibleArticles(doc).Length);
        Assert.Equal("5 of 5 articles shown", doc.GetElementById("shown")!.TextContent);
        Assert.Equal("articles", doc.Body!.GetAttribute("data-view"));
    }

    [ChromiumFact]
    public async Task Report_ArticleViewKindFilter_ShowsOnlyArticlesWithHardware()
    {
        var doc = await DumpDom(new Uri(Report()).AbsoluteUri + "#view=articles&kind=hardware");

        Assert.Equal(["04.txt"], VisibleArticles(doc));
        Assert.Equal("1 of 5 articles shown", doc.GetElementById("shown")!.TextContent);
        Assert.True(doc.GetElementById("empty")!.HasAttribute("hidden"));
    }
}
