using System.Globalization;
using System.Text.Json;
using Extraction.Export;
using Extraction.Tests.Export;
using Extraction.Tests.Support;

namespace Extraction.Tests.Cli;

public sealed class ExportCommandTests
{
    [Fact]
    public async Task Export_SamplesRun_EveryFactAndRecordReadsBackFromTheCsv()
    {
        using var tmp = CliRunner.Temp();
        var outDir = Path.Combine(tmp.Path, "out");
        Assert.Equal(0, (await CliRunner.Run("run", Repo.Samples, "--out", outDir, "-q")).Code);

        var (code, stdout, stderr) = await CliRunner.Run("export", outDir, "--bom");

        Assert.True(code == 0, stderr);
        var factLines = File.ReadAllLines(Path.Combine(outDir, "facts.jsonl"));
        var recordLines = File.ReadAllLines(Path.Combine(outDir, "records.jsonl"));
        Assert.Contains($"{factLines.Length} facts -> ", stdout, StringComparison.Ordinal);
        Assert.Contains($"{recordLines.Length} records -> ", stdout, StringComparison.Ordinal);

        var facts = CsvExportTests.Read(File.ReadAllBytes(Path.Combine(outDir, "facts.csv")));
        Assert.Equal(CsvExport.FactColumns, facts.Header);
        Assert.Equal(factLines.Length, facts.Rows.Count);
        foreach (var (line, row) in factLines.Zip(facts.Rows))
        {
            var json = JsonDocument.Parse(line).RootElement;
            Assert.Equal(json.GetProperty("article").GetString(), row["article"]);
            Assert.Equal(json.GetProperty("kind").GetString(), row["kind"]);
            Assert.Equal(json.GetProperty("actor").GetString() ?? "", row["actor"]);
            Assert.Equal(json.GetProperty("offset").GetInt32().ToString(CultureInfo.InvariantCulture), row["offset"]);
            if (json.TryGetProperty("amount", out var amount))
            {
                Assert.Equal(amount.GetProperty("min").GetDecimal(), decimal.Parse(row["amount_min"], CultureInfo.InvariantCulture));
                Assert.Equal(amount.GetProperty("max").GetDecimal(), decimal.Parse(row["amount_max"], CultureInfo.InvariantCulture));
                Assert.Equal(amount.GetProperty("currency").GetString(), row["currency"]);
                Assert.EndsWith(" " + row["currency"], row["display"], StringComparison.Ordinal);
            }
            else
            {
                var count = json.GetProperty("count");
                Assert.Equal(count.GetProperty("min").GetInt64(), long.Parse(row["count_min"], CultureInfo.InvariantCulture));
                Assert.Equal(json.GetProperty("unit").GetString(), row["unit"]);
            }

            // Sentences come from the samples, none starts like a formula: the text is unchanged.
            Assert.Equal(json.GetProperty("sentence").GetString(), row["sentence"]);
        }

        var records = CsvExportTests.Read(File.ReadAllBytes(Path.Combine(outDir, "records.csv")));
        Assert.Equal(CsvExport.RecordColumns, records.Header);
        Assert.Equal(recordLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()), records.Rows.Select(r => r["id"]));
    }

    [Fact]
    public async Task Export_FromStoreByRunId_SameRowsAsFromTheFolder()
    {
        using var tmp = CliRunner.Temp();
        tmp.File("in/a.txt", "Chipfabrik\n\nDer Halbleiterhersteller Nordchip investiert 1,8 Milliarden Euro in ein neues Werk bei Magdeburg.\n");
        tmp.File("in/b.txt", "Rechenzentrum\n\nDie Firma Rheinwolke steckt rund 450 Millionen Euro in ein Rechenzentrum mit 12.000 Nvidia-GPUs.\n");
        var outDir = Path.Combine(tmp.Path, "out");
        Assert.Equal(0, (await CliRunner.Run("run", Path.Combine(tmp.Path, "in"), "--out", outDir, "-q")).Code);
        tmp.File("in/c.txt", "Zweites Werk\n\nDer Halbleiterhersteller Südchip investiert 2,4 Milliarden Euro in eine neue Fabrik bei Dresden.\n");
        Assert.Equal(0, (await CliRunner.Run("run", Path.Combine(tmp.Path, "in"), "--out", outDir, "-q")).Code);

        var csvDir = Path.Combine(tmp.Path, "csv");
        var (code, stdout, stderr) = await CliRunner.Run("export", "--store", Path.Combine(outDir, "store.db"), "--run", "2", "--out", csvDir);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("run 2 of ", stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.Run("export", outDir, "-q")).Code);

        // The folder lists facts in input order, the store by article: the same rows either way.
        static List<string> Lines(string path) => File.ReadAllLines(path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Lines(Path.Combine(outDir, "facts.csv")), Lines(Path.Combine(csvDir, "facts.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(outDir, "records.csv")), File.ReadAllText(Path.Combine(csvDir, "records.csv")));
        Assert.Contains(File.ReadAllLines(Path.Combine(csvDir, "facts.csv")), l => l.StartsWith("c.txt,", StringComparison.Ordinal));

        // Run 1 did not have c.txt yet.
        Assert.Equal(0, (await CliRunner.Run("export", "--store", Path.Combine(outDir, "store.db"), "--run", "1", "--out", csvDir, "-q")).Code);
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(csvDir, "facts.csv")), l => l.StartsWith("c.txt,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{tmp}/no-such-folder", "no such folder")]
    [InlineData("{tmp}", "is '{tmp}' an output folder of 'extract run'?")]
    [InlineData("--store", "{tmp}/no-such.db", "--out", "{tmp}/csv", "no such run store")]
    [InlineData("--run", "3", "{tmp}", "--run needs --store")]
    [InlineData("--store", "{tmp}/s.db", "--store needs --out")]
    [InlineData("{tmp}", "--store", "{tmp}/s.db", "--out", "{tmp}", "not both")]
    public async Task Export_BadInput_ExitTwoNamingTheProblem(params string[] argsAndMessage)
    {
        using var tmp = CliRunner.Temp();
        var filled = argsAndMessage.Select(a => a.Replace("{tmp}", tmp.Path, StringComparison.Ordinal)).ToArray();

        var (code, _, stderr) = await CliRunner.Run(["export", .. filled[..^1]]);

        Assert.Equal(2, code);
        Assert.Contains(filled[^1], stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownRunId_ExitTwoListingTheRuns()
    {
        using var tmp = CliRunner.Temp();
        tmp.File("in/a.txt", "Werk\n\nDer Konzern Südstahl investiert 900 Millionen Euro in ein Werk in Linz.\n");
        var outDir = Path.Combine(tmp.Path, "out");
        Assert.Equal(0, (await CliRunner.Run("run", Path.Combine(tmp.Path, "in"), "--out", outDir, "-q")).Code);

        var (code, _, stderr) = await CliRunner.Run("export", "--store", Path.Combine(outDir, "store.db"), "--run", "7", "--out", tmp.Path);

        Assert.Equal(2, code);
        Assert.Contains("has no run 7 (runs: 1)", stderr, StringComparison.Ordinal);
    }
}
