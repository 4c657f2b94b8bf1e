using AngleSharp.Html.Parser;
using Extraction.Diff;
using Extraction.Report;

namespace Extraction.Tests.Report;

public sealed class DiffHtmlTests
{
    private static readonly DiffSides Sides = new("run 1", "run 2");

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public void Render_MixedDiff_SummaryCountsAndOneRowPerRecord()
    {
        var diff = DiffSamples.Mixed();
        var doc = Parse(DiffHtml.Render(diff, Sides, DateTimeOffset.UnixEpoch));

        Assert.Equal("2", doc.GetElementById("count-added")!.TextContent);
        Assert.Equal("1", doc.GetElementById("count-removed")!.TextContent);
        Assert.Equal("1", doc.GetElementById("count-changed")!.TextContent);
        Assert.Equal(4, doc.QuerySelectorAll("#records tbody tr.rec").Length);
    }

    [Fact]
    public void Render_ChangedRecord_HighlightsChangedFieldsOnly()
    {
        var doc = Parse(DiffHtml.Render(DiffSamples.Mixed(), Sides, DateTimeOffset.UnixEpoch));
        var row = doc.QuerySelector("tr.rec[data-change=changed]")!;

        var value = row.QuerySelector("td.value")!;
        Assert.Contains("hl", value.ClassList);
        Assert.Equal("3,2 Mrd. EUR", value.QuerySelector("del")!.TextContent);
        Assert.Equal("3,3 Mrd. EUR", value.QuerySelector("ins")!.TextContent);
        Assert.DoesNotContain("hl", row.QuerySelector("td.actor")!.ClassList);
        var fields = row.QuerySelectorAll("tr.field").Select(f => f.GetAttribute("data-field")).ToList();
        Assert.Contains("value", fields);
        Assert.DoesNotContain("actor", fields);
    }

    [Fact]
    public void Render_UrlArticle_LinksOnlyHttpSources()
    {
        var doc = Parse(DiffHtml.Render(DiffSamples.Mixed(), Sides, DateTimeOffset.UnixEpoch));

        var links = doc.QuerySelectorAll("#records a.article").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://news.example.org/microsoft?id=1&x=%3C2%3E"], links);
        Assert.Contains(doc.QuerySelectorAll("#records span.article"), s => s.TextContent == "javascript:alert(1)");
    }

    [Fact]
    public void Render_HostileText_IsEscapedNotMarkup()
    {
        var html = DiffHtml.Render(DiffSamples.Mixed(), Sides, DateTimeOffset.UnixEpoch);
        var doc = Parse(html);

        Assert.Single(doc.QuerySelectorAll("script"));
        Assert.Empty(doc.QuerySelectorAll("#records b, #by-article b"));
        Assert.Contains(doc.QuerySelectorAll("td.actor"), td => td.TextContent == "<script>alert(1)</script>");
    }

    [Fact]
    public void Render_SourceSentence_MarksTheMention()
    {
        var doc = Parse(DiffHtml.Render(DiffSamples.Mixed(), Sides, DateTimeOffset.UnixEpoch));
        var row = doc.QuerySelector("tr.rec[data-kind=hardware]")!;

        Assert.Equal("100.000 Nvidia H100 GPUs", row.QuerySelector("q mark")!.TextContent);
        Assert.Equal("xAI betreibt 100.000 Nvidia H100 GPUs.", row.QuerySelector("q")!.TextContent);
    }

    [Fact]
    public void Render_NoChanges_SaysSo()
    {
        var doc = Parse(DiffHtml.Render(RecordDiff.Compare([], []), Sides, DateTimeOffset.UnixEpoch));

        Assert.False(doc.GetElementById("empty")!.HasAttribute("hidden"));
        Assert.Contains("No differences", doc.GetElementById("empty")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Page_IsSelfContained()
    {
        var doc = Parse(DiffHtml.Render(DiffSamples.Mixed(), Sides, DateTimeOffset.UnixEpoch));

        Assert.Empty(doc.QuerySelectorAll("link, script[src], img, iframe"));
    }

    [Fact]
    public void Render_ArticleView_OneGroupPerArticleWithWhatChangedThere()
    {
        var doc = Parse(DiffHtml.Render(DiffSamples.Mixed(), Sides, DateTimeOffset.UnixEpoch));

        Assert.Equal("5", doc.GetElementById("count-articles")!.TextContent);
        var groups = doc.QuerySelectorAll("#by-article article.art").ToDictionary(a => a.GetAttribute("data-article")!);
        Assert.Equal(["01.txt", "https://news.example.org/microsoft?id=1&x=<2>", "04.txt", "javascript:alert(1)", "05.html"], groups.Keys);
        var changed = Assert.Single(groups["01.txt"].QuerySelectorAll("li.rec"));
        Assert.Equal("changed", changed.GetAttribute("data-change"));
        var value = changed.QuerySelector("tr.field[data-field=value]")!;
        Assert.Equal(("3,2 Mrd. EUR", "3,3 Mrd. EUR"), (value.QuerySelector("del")!.TextContent, value.QuerySelector("ins")!.TextContent));
        Assert.Equal("removed", Assert.Single(groups["05.html"].QuerySelectorAll("li.rec")).GetAttribute("data-change"));
        Assert.Equal("Intel wollte rund 30 Milliarden Euro investieren.", groups["05.html"].QuerySelector("del q")!.TextContent);
    }

    [Fact]
    public void Render_SourceOnlyChange_ListedUnderTheGainedArticle()
    {
        var old = DiffSamples.Microsoft(3_200_000_000m, "aaaaaaaaaaaa", "01.txt");
        var now = DiffSamples.Microsoft(3_200_000_000m, "aaaaaaaaaaaa", "01.txt", "07.txt");
        var doc = Parse(DiffHtml.Render(RecordDiff.Compare([old], [now]), Sides, DateTimeOffset.UnixEpoch));

        var group = Assert.Single(doc.QuerySelectorAll("#by-article article.art"));
        Assert.Equal("07.txt", group.GetAttribute("data-article"));
        Assert.Equal("source-gained", Assert.Single(group.QuerySelectorAll("li.rec")).GetAttribute("data-entry"));
        Assert.Equal("yes", doc.QuerySelector("tr.rec")!.GetAttribute("data-sources-only"));
    }

    [Fact]
    public void Render_EditOfOneOfManyArticles_ListsNoOtherArticleAsGone()
    {
        var many = Enumerable.Range(0, 5).Select(i => $"{i:00}.txt").ToArray();
        var old = DiffSamples.Microsoft(3_200_000_000m, "aaaaaaaaaaaa", many);
        var kept = DiffSamples.Microsoft(3_200_000_000m, "aaaaaaaaaaaa", many[1..]);
        var edit = DiffSamples.Microsoft(3_200_000m, "bbbbbbbbbbbb", many[0]);
        var doc = Parse(DiffHtml.Render(RecordDiff.Compare([old], [kept, edit]), Sides, DateTimeOffset.UnixEpoch));

        var row = doc.QuerySelector("tr.rec[data-id=bbbbbbbbbbbb]")!;
        Assert.Equal("source", row.GetAttribute("data-paired-by"));
        Assert.Empty(row.QuerySelectorAll("li.gone"));
        Assert.Equal(("3,2 Mrd. EUR", "3,2 Mio. EUR"), (row.QuerySelector("td.value del")!.TextContent, row.QuerySelector("td.value ins")!.TextContent));
        Assert.Equal(["00.txt"], doc.QuerySelectorAll("#by-article article.art").Select(a => a.GetAttribute("data-article")));
    }
}
