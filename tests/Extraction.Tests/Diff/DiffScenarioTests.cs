using System.Text.Json;
using Extraction.Tests.Report;
using Extraction.Tests.Store;

namespace Extraction.Tests.Diff;

/// <summary>
/// The reviewer's scenario: two runs over the first five sample pages, the second with page 01's
/// "Milliarden" edited to "Millionen", page 03 removed and page 06 added; `extract diff` in every format.
/// Page 03 is not in the second run, so its records are out of run, not removed, and it is no changed article.
/// </summary>
public sealed class DiffScenarioTests : IDisposable
{
    private const string Edited = "01_newsportal_microsoft_deutschland.html";
    private const string Gone = "03_blog_japan_chips.html";
    private const string New = "06_latin1_alps_schweiz.html";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(string Old, string New)> TwoRuns(Func<string, string> edit)
    {
        var input = _dir["in"];
        Directory.CreateDirectory(input);
        foreach (var f in StoreTestSupport.SampleFiles().Where(f => Path.GetFileName(f) is var n && string.CompareOrdinal(n, "06") < 0))
        {
            File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        }

        Assert.Equal(0, (await StoreTestSupport.Cli("run", input, "--out", _dir["old"], "--no-store", "-q")).Code);
        var page = Path.Combine(input, Edited);
        File.WriteAllText(page, edit(File.ReadAllText(page)));
        File.Delete(Path.Combine(input, Gone));
        File.Copy(Path.Combine(StoreTestSupport.Samples, New), Path.Combine(input, New));
        Assert.Equal(0, (await StoreTestSupport.Cli("run", input, "--out", _dir["new"], "--no-store", "-q")).Code);
        return (_dir["old"], _dir["new"]);
    }

    private static IEnumerable<string> Articles(JsonElement record) =>
        record.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("article").GetString()!).Distinct();

    [Fact]
    public async Task Diff_MilliardenEditedToMillionen_OneChangedRecordForTheEditedSentence()
    {
        var (before, after) = await TwoRuns(t => t.Replace("Milliarden", "Millionen", StringComparison.Ordinal));

        var (code, stdout, _) = await StoreTestSupport.Cli("diff", before, after, "--format", "json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var changed = root.GetProperty("changed").EnumerateArray().ToList();
        var sentence = changed.Where(c => c.GetProperty("record").GetProperty("sources").EnumerateArray()
            .Any(s => s.GetProperty("sentence").GetString()!.Contains("insgesamt 3,2 Millionen Euro", StringComparison.Ordinal))).ToList();
        var one = Assert.Single(sentence);
        Assert.Equal("source", one.GetProperty("paired_by").GetString());
        var value = Assert.Single(one.GetProperty("fields").EnumerateArray());
        Assert.Equal(("value", "3200000000", "3200000"), (value.GetProperty("field").GetString(), value.GetProperty("old").GetString(), value.GetProperty("new").GetString()));
        Assert.Equal(3_200_000m, one.GetProperty("record").GetProperty("amount").GetProperty("min").GetDecimal());

        // Nothing from the edited page is left added or removed; the removed page's records are out of run, the added page's added.
        Assert.DoesNotContain(root.GetProperty("added").EnumerateArray().Concat(root.GetProperty("removed").EnumerateArray()), r => Articles(r).Contains(Edited));
        Assert.Equal(0, root.GetProperty("removed").GetArrayLength());
        Assert.All(root.GetProperty("out_of_run").EnumerateArray(), r => Assert.Equal([Gone], Articles(r)));
        Assert.All(root.GetProperty("added").EnumerateArray(), r => Assert.Equal([New], Articles(r)));
        Assert.True(root.GetProperty("out_of_run").GetArrayLength() > 0 && root.GetProperty("added").GetArrayLength() > 0);
        Assert.Equal(root.GetProperty("out_of_run").GetArrayLength(), root.GetProperty("summary").GetProperty("out_of_run").GetInt32());
        Assert.All(changed, c => Assert.Equal([Edited], Articles(c.GetProperty("record"))));
        Assert.Equal(2, root.GetProperty("summary").GetProperty("changed_articles").GetInt32());
    }

    [Fact]
    public async Task Diff_OneSentenceEditedText_ChangedLineWithOneLinePerField()
    {
        var (before, after) = await TwoRuns(t => t.Replace("insgesamt 3,2 Milliarden Euro", "insgesamt 3,2 Millionen Euro", StringComparison.Ordinal));

        var (code, stdout, _) = await StoreTestSupport.Cli("diff", before, after, "--format", "text", "--color", "never");

        Assert.Equal(1, code);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("~ ", StringComparison.Ordinal) && l.Contains("Microsoft: 3,2 Mio. EUR", StringComparison.Ordinal));
        Assert.True(at >= 0, stdout);
        Assert.EndsWith("same sentence)", lines[at], StringComparison.Ordinal);
        Assert.Equal("    value: 3,2 Mrd. EUR -> 3,2 Mio. EUR", lines[at + 1]);
        Assert.Single(lines, l => l.Contains("3,2 Mio. EUR", StringComparison.Ordinal) && !l.StartsWith("    ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("+ ", StringComparison.Ordinal) && l.Contains("Microsoft", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("+ ", StringComparison.Ordinal) && l.EndsWith("10.752 GH200-Chips", StringComparison.Ordinal));
        Assert.Matches(@"^\d+ added, 0 removed, \d+ changed, \d+ out of run; 2 articles changed$", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("? ", StringComparison.Ordinal) && l.EndsWith("(out of run: not in this run)", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task Diff_HtmlOutInChromium_ChangedViewShowsTheEditedArticleWithItsFigures()
    {
        var (before, after) = await TwoRuns(t => t.Replace("Milliarden", "Millionen", StringComparison.Ordinal));
        var report = _dir["report.html"];

        var (code, stdout, _) = await StoreTestSupport.Cli("diff", before, after, "--html-out", report);
        var doc = await DiffHtmlChromiumTests.DumpDom(new Uri(report).AbsoluteUri + "#view=articles&change=changed", _dir["profile"]);

        Assert.Equal(1, code);
        Assert.Matches(@"out of run; 2 articles changed -> ", stdout);
        Assert.Equal([Edited], DiffHtmlChromiumTests.VisibleArticles(doc));
        Assert.Equal("1 of 2 articles shown", doc.GetElementById("shown")!.TextContent);
        var entries = doc.QuerySelectorAll("#by-article article.art li.rec").Where(e => !e.HasAttribute("hidden")).ToList();
        Assert.Equal(2, entries.Count);
        var edited = Assert.Single(entries, e => e.TextContent.Contains("insgesamt 3,2 Millionen Euro", StringComparison.Ordinal));
        var value = edited.QuerySelector("tr.field[data-field=value]")!;
        Assert.Equal(("3,2 Mrd. EUR", "3,2 Mio. EUR"), (value.QuerySelector("del")!.TextContent, value.QuerySelector("ins")!.TextContent));
        Assert.Equal("Microsoft will bis Ende 2025 insgesamt 3,2 Millionen Euro in Deutschland investieren.",
            edited.QuerySelectorAll("ul.sentences > li:not(.gone) q").Select(q => q.TextContent).Single(t => t.Contains("insgesamt", StringComparison.Ordinal)));
        Assert.Contains(edited.QuerySelectorAll("ul.sentences > li.gone del q"), q => q.TextContent.Contains("insgesamt 3,2 Milliarden Euro", StringComparison.Ordinal));
    }
}
