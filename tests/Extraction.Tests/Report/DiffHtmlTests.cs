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
        Assert.Empty(doc.QuerySelectorAll("#records b"));
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
}
