using Extraction.Tests.Support;

namespace Extraction.Tests.Cli;

public sealed class TrainCommandTests
{
    private static readonly (string Name, string Text)[] Articles =
    [
        ("a1.txt", "Microsoft will 3 Milliarden Euro in Rechenzentren in Deutschland investieren. Der Umsatz lag zuletzt bei 60 Milliarden Dollar."),
        ("a2.txt", "In Texas will Oracle für OpenAI rund 4 Milliarden Dollar in ein Rechenzentrum investieren. Der Umsatz von Oracle stieg auf 50 Milliarden Dollar."),
        ("a3.txt", "Die Deutsche Telekom baut in München ein Rechenzentrum mit 10.000 Nvidia-GPUs. Das Unternehmen investiert dafür eine Milliarde Euro."),
        ("a4.txt", "Infineon und Bosch steuern jeweils 150 Millionen Euro bei. Der Gewinn von Bosch lag bei 30 Millionen Euro."),
    ];

    private const string Gold = """
        {"article": "a1.txt", "kind": "investment", "actor": "Microsoft", "amount_min": 3000000000.0, "amount_max": 3000000000.0, "currency": "EUR", "qualifier": "exact", "quote": "q"}
        {"article": "a2.txt", "kind": "investment", "actor": "Oracle", "amount_min": 4000000000.0, "amount_max": 4000000000.0, "currency": "USD", "qualifier": "about", "quote": "q"}
        {"article": "a3.txt", "kind": "hardware", "actor": "Deutsche Telekom", "count": 10000, "unit": "GPU", "model": null, "qualifier": "exact", "quote": "q"}
        {"article": "a3.txt", "kind": "investment", "actor": "Deutsche Telekom", "amount_min": 1000000000.0, "amount_max": 1000000000.0, "currency": "EUR", "qualifier": "exact", "quote": "q"}
        {"article": "a4.txt", "kind": "investment", "actor": "Infineon", "amount_min": 150000000.0, "amount_max": 150000000.0, "currency": "EUR", "qualifier": "exact", "quote": "q"}
        {"article": "a4.txt", "kind": "investment", "actor": "Bosch", "amount_min": 150000000.0, "amount_max": 150000000.0, "currency": "EUR", "qualifier": "exact", "quote": "q"}
        """;

    private static CliRunner.TempDir Corpus()
    {
        var tmp = CliRunner.Temp();
        foreach (var (name, text) in Articles)
        {
            tmp.File("in/" + name, text);
        }

        tmp.File("gold.jsonl", Gold);
        return tmp;
    }

    [Fact]
    public async Task Train_WithFolds_PrintsRulesAndEveryTrainerAndWritesBothModels()
    {
        using var tmp = Corpus();
        var model = Path.Combine(tmp.Path, "m.zip");

        var (code, stdout, stderr) = await CliRunner.Run("train", "--gold", Path.Combine(tmp.Path, "gold.jsonl"), Path.Combine(tmp.Path, "in"), "--model", model, "--folds", "2", "--trainer", "Lbfgs");

        Assert.True(code == 0, stderr);
        Assert.Contains("trained on 4 articles", stdout, StringComparison.Ordinal);
        Assert.Contains("2-fold cross-validation by article over 4 articles", stdout, StringComparison.Ordinal);
        foreach (var config in new[] { "rules ", "rules+fasttree ", "rules+fasttree+actors ", "rules+lbfgs ", "rules+lbfgs+actors " })
        {
            Assert.Contains(stdout.Split('\n'), l => l.StartsWith(config, StringComparison.Ordinal));
        }

        Assert.Contains("actor ranking", stdout, StringComparison.Ordinal);
        Assert.Matches(@"lbfgs +[0-9]+ facts +rules +[0-9]+ right +model +[0-9]+ right", stdout);
        using var written = Extraction.Ml.FactModel.FromBytes(File.ReadAllBytes(model));
        Assert.Equal(Extraction.Ml.FactTrainerKind.Lbfgs, written.Trainer);
        Assert.NotNull(written.Actors);
    }

    [Fact]
    public async Task Train_CvGoldTwice_PoolsBothFilesArticles()
    {
        using var tmp = Corpus();
        var lines = Gold.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        tmp.File("cv-news.jsonl", string.Join('\n', lines.Where(l => l.Contains("\"a1.txt\"", StringComparison.Ordinal) || l.Contains("\"a2.txt\"", StringComparison.Ordinal))));
        tmp.File("cv-pages.jsonl", string.Join('\n', lines.Where(l => l.Contains("\"a3.txt\"", StringComparison.Ordinal) || l.Contains("\"a4.txt\"", StringComparison.Ordinal))));
        tmp.File("in/a5.txt", "Siemens will 2 Milliarden Euro in eine Fabrik in Erlangen investieren. Der Umsatz von Siemens lag bei 70 Milliarden Euro.");
        tmp.File("train.jsonl", """{"article": "a5.txt", "kind": "investment", "actor": "Siemens", "amount_min": 2000000000.0, "amount_max": 2000000000.0, "currency": "EUR", "qualifier": "exact", "quote": "q"}""");
        string[] Args(params string[] cv) =>
            ["train", Path.Combine(tmp.Path, "in"), "--gold", Path.Combine(tmp.Path, "train.jsonl"), .. cv.SelectMany(c => new[] { "--cv-gold", Path.Combine(tmp.Path, c) }), "--model", Path.Combine(tmp.Path, "m.zip"), "--folds", "2"];

        var (both, bothOut, bothErr) = await CliRunner.Run(Args("cv-news.jsonl", "cv-pages.jsonl"));
        var (one, oneOut, oneErr) = await CliRunner.Run(Args("cv-news.jsonl"));

        Assert.True(both == 0, bothErr);
        Assert.True(one == 0, oneErr);
        // Both files' articles are trained on and cross-validated (a1-a4); the --gold article is only trained on.
        Assert.Contains("trained on 5 articles", bothOut, StringComparison.Ordinal);
        Assert.Contains("2-fold cross-validation by article over 4 articles", bothOut, StringComparison.Ordinal);
        Assert.Contains("trained on 3 articles", oneOut, StringComparison.Ordinal);
        Assert.Contains("2-fold cross-validation by article over 2 articles", oneOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_Twice_ByteIdenticalModel()
    {
        using var tmp = Corpus();
        var first = Path.Combine(tmp.Path, "m1.zip");
        var second = Path.Combine(tmp.Path, "m2.zip");
        string[] Args(string path) => ["train", "--gold", Path.Combine(tmp.Path, "gold.jsonl"), Path.Combine(tmp.Path, "in"), "--model", path, "--folds", "0"];

        Assert.Equal(0, (await CliRunner.Run(Args(first))).Code);
        Assert.Equal(0, (await CliRunner.Run(Args(second))).Code);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Theory]
    [InlineData("--folds", "5")]
    [InlineData("--folds", "-1")]
    [InlineData("--trainer", "Perceptron")]
    public async Task Train_BadFoldsOrTrainer_UsageError(string option, string value)
    {
        using var tmp = Corpus();

        var (code, _, stderr) = await CliRunner.Run("train", "--gold", Path.Combine(tmp.Path, "gold.jsonl"), Path.Combine(tmp.Path, "in"), "--model", Path.Combine(tmp.Path, "m.zip"), option, value);

        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(stderr));
    }
}
