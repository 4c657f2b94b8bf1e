using Extraction.Tests.Support;

namespace Extraction.Tests.Cli;

/// <summary>
/// `extract diff` of two output folders when an article of the first run is not in the second (deleted,
/// or failed): its records are out of run, not removed, and alone they are no change (exit 0).
/// </summary>
public sealed class DiffOutOfRunCommandTests : IDisposable
{
    private readonly CliRunner.TempDir _dir = CliRunner.Temp();

    public void Dispose() => _dir.Dispose();

    private string In => Path.Combine(_dir.Path, "in");

    private string Out(string name) => Path.Combine(_dir.Path, name);

    private static string Page(string title, string paragraph) =>
        $"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{paragraph}</p>" +
        "<p>Der Bau soll im Frühjahr beginnen, wie ein Sprecher am Dienstag bestätigte.</p></article></body></html>";

    private void Write(string file, string title, string paragraph) => _dir.File(Path.Combine("in", file), Page(title, paragraph));

    /// <summary>Three pages of one fact each, run once into "eins".</summary>
    private async Task FirstRun()
    {
        Write("nordwind.html", "Nordwind baut in Kassel", "Die Nordwind AG investiert 40 Millionen Euro in ein Logistikzentrum in Kassel.");
        Write("suedstern.html", "Südstern baut in Fulda", "Die Südstern GmbH investiert 25 Millionen Euro in ein Rechenzentrum in Fulda.");
        Write("ostwerk.html", "Ostwerk baut in Gera", "Die Ostwerk AG investiert 12 Millionen Euro in eine Halle in Gera.");
        var run = await CliRunner.Run("run", In, "--out", Out("eins"), "--no-store", "-q");
        Assert.True(run.Code == 0, run.Err);
    }

    private async Task SecondRun(int expectedCode = 0)
    {
        var run = await CliRunner.Run("run", In, "--out", Out("zwei"), "--no-store", "-q");
        Assert.True(run.Code == expectedCode, run.Err);
    }

    [Fact]
    public async Task Diff_ArticleDeletedBeforeTheSecondRun_OutOfRunLineAndExit0()
    {
        await FirstRun();
        File.Delete(Path.Combine(In, "suedstern.html"));
        await SecondRun();

        var (code, stdout, stderr) = await CliRunner.Run("diff", Out("eins"), Out("zwei"), "--color", "never");

        Assert.True(code == 0, stdout + stderr);
        var lines = stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("0 added, 0 removed, 0 changed, 1 out of run; 0 articles changed", lines[0]);
        Assert.Matches(@"^\? \[[0-9a-f]{12}\] investment Südstern: 25 Mio\. EUR \(out of run: not in this run\)$", lines[1]);
        Assert.StartsWith("    suedstern.html: Die Südstern GmbH investiert 25 Millionen Euro", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Diff_ArticleFailedAndAnotherLostItsFact_FailedIsOutOfRunWithTheReason_LostIsRemovedExit1()
    {
        await FirstRun();
        _dir.File("in/ostwerk.html", "<html><head><title>Ostwerk</title></head><body><nav><a href=\"/\">Start</a></nav><footer>Impressum</footer></body></html>");
        Write("nordwind.html", "Nordwind baut in Kassel", "Die Nordwind AG baut ein Logistikzentrum in Kassel, über die Kosten schweigt sie.");
        await SecondRun(expectedCode: 1);

        var (code, stdout, _) = await CliRunner.Run("diff", Out("eins"), Out("zwei"), "--color", "never");

        Assert.Equal(1, code);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("0 added, 1 removed, 0 changed, 1 out of run; 1 article changed", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("- [", StringComparison.Ordinal) && l.Contains("Nordwind: 40 Mio. EUR", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("? [", StringComparison.Ordinal)
            && l.EndsWith("Ostwerk: 12 Mio. EUR (out of run: failed in this run: no article text found after cleaning)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diff_NewerFolderWithoutArticlesJsonl_RecordsCountAsRemovedAndSaysWhy()
    {
        await FirstRun();
        File.Delete(Path.Combine(In, "suedstern.html"));
        await SecondRun();
        File.Delete(Path.Combine(Out("zwei"), "articles.jsonl"));

        var (code, stdout, stderr) = await CliRunner.Run("diff", Out("eins"), Out("zwei"), "--color", "never");

        Assert.Equal(1, code);
        Assert.StartsWith("0 added, 1 removed, 0 changed; 1 article changed\n", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal($"extract diff: {Out("zwei")} has no articles.jsonl: records of articles not in that run count as removed", stderr.Trim());
    }

    [Fact]
    public async Task Diff_OutOfRunJsonAndHtml_CountedAndListedApart()
    {
        await FirstRun();
        File.Delete(Path.Combine(In, "suedstern.html"));
        await SecondRun();
        var report = Path.Combine(_dir.Path, "bericht.html");

        var json = await CliRunner.Run("diff", Out("eins"), Out("zwei"), "--format", "json");
        var html = await CliRunner.Run("diff", Out("eins"), Out("zwei"), "--html-out", report);

        Assert.Equal((0, 0), (json.Code, html.Code));
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("out_of_run").GetInt32());
        Assert.Equal("suedstern.html", doc.RootElement.GetProperty("out_of_run_articles")[0].GetProperty("article").GetString());
        Assert.Equal("not_in_run", doc.RootElement.GetProperty("out_of_run_articles")[0].GetProperty("status").GetString());
        Assert.Equal($"0 added, 0 removed, 0 changed, 1 out of run; 0 articles changed -> {report}", html.Out.Trim());
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(report));
        Assert.Equal("1", page.GetElementById("count-out-of-run")!.TextContent);
        var row = Assert.Single(page.QuerySelectorAll("#records tr.rec"));
        Assert.Equal("out-of-run", row.GetAttribute("data-change"));
        Assert.Equal("out of run: not in this run", row.QuerySelector("p.why")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("#by-article article.art"));
    }
}
