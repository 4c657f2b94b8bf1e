using System.Text.Json;
using Extraction.Tests.Support;

namespace Extraction.Tests.Cli;

public sealed class CliTests
{
    private const string Article = "Rechenzentren\n\nDie Regierung Kanadas investiert zwei Milliarden CAD in Rechenzentren für künstliche Intelligenz in allen Provinzen.\n";

    [Fact]
    public async Task Run_Samples_WritesTheFourFiles()
    {
        using var tmp = CliRunner.Temp();
        var outDir = Path.Combine(tmp.Path, "out");

        var (code, stdout, stderr) = await CliRunner.Run("run", Repo.Samples, "--out", outDir);

        Assert.True(code == 0, stderr);
        Assert.Contains("25 articles", stdout, StringComparison.Ordinal);
        foreach (var f in new[] { "articles.jsonl", "facts.jsonl", "records.jsonl", "run.json" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        }

        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json")));
        Assert.Equal(25, run.RootElement.GetProperty("counts").GetProperty("articles").GetInt32());
        var article = JsonDocument.Parse(File.ReadLines(Path.Combine(outDir, "articles.jsonl")).First()).RootElement;
        Assert.Equal("01_newsportal_microsoft_deutschland.html", article.GetProperty("article").GetString());
    }

    [Fact]
    public async Task Run_SomeInputsBad_ExitOneNamesThemAndWritesTheRest()
    {
        using var tmp = CliRunner.Temp();
        var good = tmp.File("in/good.txt", Article);
        tmp.File("in/empty.txt", "");
        var missing = Path.Combine(tmp.Path, "nope.html");
        var outDir = Path.Combine(tmp.Path, "out");

        var (code, _, stderr) = await CliRunner.Run("run", Path.Combine(tmp.Path, "in"), missing, "--out", outDir);

        Assert.Equal(1, code);
        Assert.Contains("empty.txt: empty file", stderr, StringComparison.Ordinal);
        Assert.Contains("nope.html: no such file or folder", stderr, StringComparison.Ordinal);
        var facts = File.ReadAllLines(Path.Combine(outDir, "facts.jsonl"));
        Assert.Contains(facts, l => l.Contains("\"article\":\"good.txt\"", StringComparison.Ordinal));
        var failures = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json"))).RootElement.GetProperty("failures");
        Assert.Equal(2, failures.GetArrayLength());
        _ = good;
    }

    [Theory]
    [InlineData("run", "x.txt")]
    [InlineData("run", "--out")]
    [InlineData("eval", "--gold", "g.jsonl")]
    [InlineData("frobnicate")]
    [InlineData]
    public async Task Main_UsageErrors_ExitTwo(params string[] args)
    {
        var (code, _, stderr) = await CliRunner.Run(args);

        Assert.Equal(2, code);
        Assert.NotEmpty(stderr);
    }

    [Fact]
    public async Task Run_NoInputs_ExitTwo()
    {
        using var tmp = CliRunner.Temp();

        var (code, _, stderr) = await CliRunner.Run("run", "--out", tmp.Path);

        Assert.Equal(2, code);
        Assert.Contains("at least one input", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_TextDump_PrintsArticleWithoutBoilerplate()
    {
        using var tmp = CliRunner.Temp();
        var file = tmp.File("a.txt", "Anzeige\n" + Article + "Jetzt Newsletter abonnieren\n");

        var (code, stdout, _) = await CliRunner.Run("clean", file);

        Assert.Equal(0, code);
        Assert.Contains("investiert zwei Milliarden CAD", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Anzeige", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("abonnieren", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_FolderWithOut_WritesOneTextPerArticleAndReportsFailures()
    {
        using var tmp = CliRunner.Temp();
        tmp.File("in/a.txt", "Anzeige\n" + Article);
        tmp.File("in/sub/b.txt", Article + "Jetzt Newsletter abonnieren\n");
        tmp.File("in/empty.html", "");
        var outDir = Path.Combine(tmp.Path, "out");

        var (code, stdout, stderr) = await CliRunner.Run("clean", Path.Combine(tmp.Path, "in"), "--out", outDir, "--title");
        var (folderWithoutOut, _, usage) = await CliRunner.Run("clean", Path.Combine(tmp.Path, "in"));

        Assert.Equal(1, code);
        Assert.Contains("2 articles cleaned, 1 failed", stdout, StringComparison.Ordinal);
        Assert.Contains("empty.html", stderr, StringComparison.Ordinal);
        var a = File.ReadAllText(Path.Combine(outDir, "a.txt.txt"));
        Assert.Contains("investiert zwei Milliarden CAD", a, StringComparison.Ordinal);
        Assert.DoesNotContain("Anzeige", a, StringComparison.Ordinal);
        Assert.DoesNotContain("abonnieren", File.ReadAllText(Path.Combine(outDir, "sub", "b.txt.txt")), StringComparison.Ordinal);
        Assert.Equal(2, folderWithoutOut);
        Assert.Contains("--out", usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_MissingFile_ExitOne()
    {
        var (code, _, stderr) = await CliRunner.Run("clean", "/nonexistent/file.html");

        Assert.Equal(1, code);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_GoldAgainstItsOwnRun_PrintsFigures()
    {
        using var tmp = CliRunner.Temp();
        var outDir = Path.Combine(tmp.Path, "out");
        await CliRunner.Run("run", Repo.Samples, "--out", outDir, "-q");

        var (code, stdout, _) = await CliRunner.Run("eval", "--gold", Path.Combine(Repo.Samples, "gold.jsonl"), "--facts", Path.Combine(outDir, "facts.jsonl"), "--json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(stdout).RootElement;
        // The printed figures are the scorer's on the same files (records from records.jsonl beside them), printed to 4 decimals.
        var expected = Extraction.Evaluation.Scorer.Evaluate(
            Extraction.Output.JsonFormats.ReadLines(Path.Combine(Repo.Samples, "gold.jsonl"), Extraction.Evaluation.GoldFact.Read).ToList(),
            Extraction.Output.JsonFormats.ReadLines(Path.Combine(outDir, "facts.jsonl"), Extraction.Output.JsonFormats.ReadFact).ToList(),
            Extraction.Output.JsonFormats.ReadLines(Path.Combine(outDir, "records.jsonl"), Extraction.Output.JsonFormats.ReadRecord).ToList());
        foreach (var (measure, score) in new[] { ("amounts", expected.Amounts), ("amounts+actor", expected.AmountsWithActor), ("hardware", expected.Hardware), ("records", expected.Records!) })
        {
            Assert.Equal(Math.Round(score.F1, 4), json.GetProperty(measure).GetProperty("f1").GetDouble(), 6);
            Assert.Equal(Math.Round(score.Precision, 4), json.GetProperty(measure).GetProperty("precision").GetDouble(), 6);
            Assert.Equal(Math.Round(score.Recall, 4), json.GetProperty(measure).GetProperty("recall").GetDouble(), 6);
        }

        Assert.True(expected.Records!.F1 > 0.9, $"records F1 {expected.Records.F1:0.000}: the samples' own run scores 0.988");
    }

    [Fact]
    public async Task Eval_BadGoldLine_ExitTwoNamesFileAndLine()
    {
        using var tmp = CliRunner.Temp();
        var gold = tmp.File("gold.jsonl", "{\"article\":\"a\",\"kind\":\"investment\",\"amount_min\":1,\"amount_max\":1}\nnot json\n");
        var facts = tmp.File("facts.jsonl", "");

        var (code, _, stderr) = await CliRunner.Run("eval", "--gold", gold, "--facts", facts);

        Assert.Equal(2, code);
        Assert.Contains("gold.jsonl:2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_SameRunTwice_ExitZero_ChangedInput_ExitOne()
    {
        using var tmp = CliRunner.Temp();
        var input = tmp.File("in/a.txt", Article);
        var a = Path.Combine(tmp.Path, "a");
        var b = Path.Combine(tmp.Path, "b");
        var c = Path.Combine(tmp.Path, "c");
        await CliRunner.Run("run", Path.Combine(tmp.Path, "in"), "--out", a, "-q");
        await CliRunner.Run("run", Path.Combine(tmp.Path, "in"), "--out", b, "-q");
        File.AppendAllText(input, "Zusätzlich investiert Kanada 300 Millionen CAD in Supercomputer für die Forschung an Hochschulen.\n");
        await CliRunner.Run("run", Path.Combine(tmp.Path, "in"), "--out", c, "-q");

        var same = await CliRunner.Run("diff", a, b);
        var changed = await CliRunner.Run("diff", a, c);
        var json = await CliRunner.Run("diff", a, c, "--format", "json");
        var broken = await CliRunner.Run("diff", a, Path.Combine(tmp.Path, "missing"));

        Assert.Equal(0, same.Code);
        Assert.Equal(1, changed.Code);
        Assert.Contains("1 added", changed.Out, StringComparison.Ordinal);
        Assert.Contains("300 Mio. CAD", changed.Out, StringComparison.Ordinal);
        Assert.Equal(1, JsonDocument.Parse(json.Out).RootElement.GetProperty("added").GetArrayLength());
        Assert.Equal(2, broken.Code);
    }
}
