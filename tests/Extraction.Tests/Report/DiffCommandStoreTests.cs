using System.Text.Json;
using Extraction.Tests.Store;

namespace Extraction.Tests.Report;

/// <summary>`extract diff --store`: runs of a store compared, in every format, with the contract's exit codes.</summary>
public sealed class DiffCommandStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public DiffCommandStoreTests()
    {
        Corpus = StoreTestSupport.CopySamples(_dir["in"]);
    }

    private string Corpus { get; }

    private string Db => Path.Combine(_dir["out"], "store.db");

    public void Dispose() => _dir.Dispose();

    private async Task TwoRunsWithAChange()
    {
        Assert.Equal(0, (await StoreTestSupport.Cli("run", Corpus, "--out", _dir["out"], "-q")).Code);
        var file = Directory.GetFiles(Corpus, "10_*")[0];
        File.WriteAllText(file, File.ReadAllText(file).Replace("rund 1,1 Milliarden Euro", "rund 1,4 Milliarden Euro", StringComparison.Ordinal));
        File.Delete(Directory.GetFiles(Corpus, "03_*")[0]);
        Assert.Equal(0, (await StoreTestSupport.Cli("run", Corpus, "--out", _dir["out"], "-q")).Code);
    }

    [Fact]
    public async Task Diff_StoreDefault_ComparesLastTwoRunsExit1()
    {
        await TwoRunsWithAChange();

        var (code, stdout, _) = await StoreTestSupport.Cli("diff", "--store", Db, "--format", "json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.StartsWith("run 1 ", json.RootElement.GetProperty("from").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("run 2 ", json.RootElement.GetProperty("to").GetString(), StringComparison.Ordinal);
        var summary = json.RootElement.GetProperty("summary");
        Assert.True(summary.GetProperty("changed").GetInt32() > 0);

        // Sample 03 was deleted before run 2: its records are out of run, not removed.
        Assert.True(summary.GetProperty("out_of_run").GetInt32() > 0);
        Assert.Equal(json.RootElement.GetProperty("out_of_run").GetArrayLength(), summary.GetProperty("out_of_run").GetInt32());
        Assert.All(json.RootElement.GetProperty("out_of_run").EnumerateArray(), r => Assert.All(r.GetProperty("sources").EnumerateArray(),
            s => Assert.StartsWith("03_", s.GetProperty("article").GetString(), StringComparison.Ordinal)));
        Assert.Equal(json.RootElement.GetProperty("removed").GetArrayLength(), summary.GetProperty("removed").GetInt32());
    }

    [Fact]
    public async Task Diff_StoreSameRun_NoChangeExit0()
    {
        await TwoRunsWithAChange();

        var (code, stdout, _) = await StoreTestSupport.Cli("diff", "--store", Db, "--from", "2", "--to", "2");

        Assert.Equal(0, code);
        Assert.Equal("0 added, 0 removed, 0 changed; 0 articles changed", stdout.Trim());
    }

    [Fact]
    public async Task Diff_StoreHtmlOut_WritesReportAndPrintsSummary()
    {
        await TwoRunsWithAChange();
        var report = _dir["report.html"];

        var (code, stdout, _) = await StoreTestSupport.Cli("diff", "--store", Db, "--html-out", report);

        Assert.Equal(1, code);
        Assert.EndsWith("-> " + report, stdout.Trim(), StringComparison.Ordinal);
        Assert.Contains("<title>extract diff: run 1", File.ReadAllText(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_FoldersTextRedirected_NoEscapeCodes()
    {
        await TwoRunsWithAChange();
        Assert.Equal(0, (await StoreTestSupport.Cli("run", Corpus, "--out", _dir["again"], "-q")).Code);

        var (code, stdout, _) = await StoreTestSupport.Cli("diff", _dir["out"], _dir["again"]);

        Assert.Equal(0, code);
        Assert.DoesNotContain('\u001b', stdout);
    }

    [Theory]
    [InlineData("diff|--store|{db}|--from|99")]
    [InlineData("diff|--store|{missing}")]
    [InlineData("diff|{out}|{out}|--store|{db}")]
    [InlineData("diff|{out}")]
    [InlineData("diff|{out}|{out}|--from|1")]
    public async Task Diff_BadRequest_Exit2(string args)
    {
        await TwoRunsWithAChange();
        var argv = args.Split('|').Select(a => a.Replace("{db}", Db, StringComparison.Ordinal)
            .Replace("{missing}", _dir["none.db"], StringComparison.Ordinal)
            .Replace("{out}", _dir["out"], StringComparison.Ordinal)).ToArray();

        var (code, _, stderr) = await StoreTestSupport.Cli(argv);

        Assert.Equal(2, code);
        Assert.StartsWith("extract diff: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_StoreWithOneRun_Exit2NamesWhy()
    {
        Assert.Equal(0, (await StoreTestSupport.Cli("run", Corpus, "--out", _dir["out"], "-q")).Code);

        var (code, _, stderr) = await StoreTestSupport.Cli("diff", "--store", Db);

        Assert.Equal(2, code);
        Assert.Contains("no completed run before run 1", stderr, StringComparison.Ordinal);
    }
}
