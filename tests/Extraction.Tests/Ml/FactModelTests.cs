using System.Globalization;
using System.Text.RegularExpressions;
using Extraction.Ml;
using Extraction.Pipeline;
using Extraction.Tests.Support;

namespace Extraction.Tests.Ml;

public sealed class FactModelTests
{
    private static List<Example> Separable() =>
        Enumerable.Range(0, 200).Select(i => i % 2 == 0
            ? new Example(["bias", "cue=investiert", $"noise={i % 7}"], true)
            : new Example(["bias", "cue=umsatz", $"noise={i % 5}"], false)).ToList();

    [Theory]
    [InlineData(FactTrainerKind.FastTree)]
    [InlineData(FactTrainerKind.Lbfgs)]
    public void Train_SeparableData_LearnsTheCues(FactTrainerKind trainer)
    {
        using var model = FactModel.Train(Separable(), trainer);

        Assert.True(model.Probability(["bias", "cue=investiert"]) > 0.9);
        Assert.True(model.Probability(["bias", "cue=umsatz"]) < 0.1);
        Assert.True(model.Probability(["bias", "cue=investiert", "never-seen"]) > 0.9);
    }

    [Theory]
    [InlineData(FactTrainerKind.FastTree)]
    [InlineData(FactTrainerKind.Lbfgs)]
    public void Train_SameData_ByteIdenticalModel(FactTrainerKind trainer)
    {
        Assert.Equal(FactModel.Train(Separable(), trainer).ToBytes("x"), FactModel.Train(Separable(), trainer).ToBytes("x"));
    }

    [Fact]
    public void FromBytes_RoundTrip_SameVersionAndScores()
    {
        using var model = FactModel.Train(Separable(), FactTrainerKind.FastTree);

        using var back = FactModel.FromBytes(model.ToBytes("made in a test"));

        Assert.Equal(model.Version, back.Version);
        Assert.Equal(FactTrainerKind.FastTree, back.Trainer);
        Assert.Equal(model.Probability(["bias", "cue=investiert"]), back.Probability(["bias", "cue=investiert"]), 6);
    }

    [Fact]
    public void FromBytes_NotAModel_FormatException()
    {
        Assert.Throws<FormatException>(() => FactModel.FromBytes("{\"weights\":{}}"u8.ToArray()));
        Assert.Throws<FormatException>(() => FactModel.FromBytes([]));
    }

    [Fact]
    public void Train_OneClassOnly_SaysSo()
    {
        Assert.Throws<ArgumentException>(() => FactModel.Train([new Example(["a"], true), new Example(["b"], true)], FactTrainerKind.Lbfgs));
    }

    [Theory]
    [InlineData(FactTrainerKind.FastTree)]
    [InlineData(FactTrainerKind.Lbfgs)]
    public void Score_TopFeatures_AreTheCandidatesInformativeOnes(FactTrainerKind trainer)
    {
        using var model = FactModel.Train(Separable(), trainer);

        var (_, top) = model.Score(["bias", "cue=investiert", "unknown-feature"]);

        Assert.StartsWith("cue=investiert", top[0], StringComparison.Ordinal);
        Assert.DoesNotContain(top, t => t.StartsWith("unknown", StringComparison.Ordinal));
    }

    // One run of the README's training command (the samples, the real news articles and the real web pages; 5 folds over news and pages): the model and the printed table.
    private static readonly Lazy<Task<(byte[] Model, string Stdout)>> ReadmeTraining = new(async () =>
    {
        var news = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "realworld", "news"));
        var pages = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "realworld", "trafilatura-dev", "pages"));
        var path = Path.Combine(Path.GetTempPath(), $"fact-model-{Guid.NewGuid():N}.zip");
        try
        {
            var (code, stdout, err) = await CliRunner.Run("train", Repo.Samples, Path.Combine(news, "articles"), pages, "--gold", Path.Combine(Repo.Samples, "gold.jsonl"),
                "--cv-gold", Path.Combine(news, "gold.jsonl"), "--cv-gold", Path.Combine(Repo.Root, "bench", "gold", "realworld-pages.jsonl"),
                "--models", Path.Combine(Repo.Root, "models", "ml"), "--model", path);
            Assert.True(code == 0, err);
            return (File.ReadAllBytes(path), stdout);
        }
        finally
        {
            File.Delete(path);
        }
    });

    [SkippableFact]
    public async Task ShippedModel_IsReproducibleWithTheReadmeCommand()
    {
        RealWorld.Require("news");
        RealWorld.Require("trafilatura-dev");
        var (model, _) = await ReadmeTraining.Value;

        Assert.True(File.ReadAllBytes(Path.Combine(Repo.Root, "models", "ml", FactModelFile.Name)).SequenceEqual(model),
            "models/ml/fact-model.zip differs from a fresh 'extract train' run: retrain it with the README's command after changing rules, cues or gold.");
    }

    /// <summary>
    /// The model's own quality and the choice of the default, cross-validated by article on the real
    /// news and pages (243 articles, each scored by models that never saw it; model rows with the
    /// organisation recogniser). At this commit: amounts F1 rules 0.988, +FastTree 0.988, +L-BFGS 0.962;
    /// amounts with actor rules 0.882, with the recogniser 0.882, +FastTree with its actor model 0.882,
    /// +L-BFGS with its actor model 0.831. The shipped trainer (FastTree, `extract train`'s default)
    /// must not fall below the rules in amounts F1 nor in amounts with actor; and rules only stays the
    /// default exactly while no model row beats the rules by the issue's 0.03 in amounts F1 without
    /// losing amounts with actor: when one does, this test fails and the default (models/ml opt-in) should change.
    /// </summary>
    [SkippableFact]
    public async Task CrossValidatedOnRealNews_ModelNotBelowRules_AndRulesOnlyIsTheWinningDefault()
    {
        RealWorld.Require("news");
        RealWorld.Require("trafilatura-dev");
        var (_, stdout) = await ReadmeTraining.Value;

        double[] Row(string config)
        {
            var m = Regex.Match(stdout, "^" + Regex.Escape(config) + @" +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9.]+)", RegexOptions.Multiline);
            Assert.True(m.Success, $"no '{config}' row in:\n{stdout}");
            return [.. m.Groups.Values.Skip(1).Select(g => double.Parse(g.Value, CultureInfo.InvariantCulture))];
        }

        var rules = Row("rules");
        var shipped = Row("rules+fasttree+actors");
        Assert.True(shipped[2] >= rules[2], $"amounts F1: rules {rules[2]}, rules+FastTree {shipped[2]}");
        Assert.True(shipped[3] >= rules[3], $"amounts with actor F1: rules {rules[3]}, rules+FastTree {shipped[3]}");
        foreach (var config in new[] { "rules+org", "rules+lbfgs", "rules+lbfgs+actors", "rules+fasttree", "rules+fasttree+actors" })
        {
            var m = Row(config);
            Assert.False(m[2] >= rules[2] + 0.03 && m[3] >= rules[3],
                $"{config} beats rules only (amounts F1 {m[2]} vs {rules[2]}, with actor {m[3]} vs {rules[3]}): make it the default");
        }
    }

    [Fact]
    public void ShippedModel_LoadsFromModelsMl_AndIsNotEmbedded()
    {
        Assert.NotNull(FactModelFile.TryLoad(new ModelFiles(Path.Combine(Repo.Root, "models", "ml"))));
        Assert.Null(FactModelFile.TryLoad(ModelFiles.Embedded));
    }
}
