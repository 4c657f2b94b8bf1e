using Extraction.Ml;
using Extraction.Pipeline;
using Extraction.Tests.Support;

namespace Extraction.Tests.Ml;

public sealed class LogisticModelTests
{
    private static List<Example> Separable() =>
        Enumerable.Range(0, 200).Select(i => i % 2 == 0
            ? new Example(["bias", "cue=investiert", $"noise={i % 7}"], true)
            : new Example(["bias", "cue=umsatz", $"noise={i % 5}"], false)).ToList();

    [Fact]
    public void Train_SeparableData_LearnsTheCues()
    {
        var model = LogisticModel.Train(Separable());

        Assert.True(model.Probability(["bias", "cue=investiert"]) > 0.9);
        Assert.True(model.Probability(["bias", "cue=umsatz"]) < 0.1);
    }

    [Fact]
    public void Train_SameData_ByteIdenticalModel()
    {
        Assert.Equal(LogisticModel.Train(Separable()).ToJson("x"), LogisticModel.Train(Separable()).ToJson("x"));
    }

    [Fact]
    public void FromJson_RoundTrip_SameVersionAndScores()
    {
        var model = LogisticModel.Train(Separable());

        var back = LogisticModel.FromJson(model.ToJson());

        Assert.Equal(model.Version, back.Version);
        Assert.Equal(model.Probability(["bias", "cue=investiert"]), back.Probability(["bias", "cue=investiert"]), 6);
    }

    [Fact]
    public void FromJson_NotAModel_FormatException()
    {
        Assert.Throws<FormatException>(() => LogisticModel.FromJson("{\"weights\":{}}"));
        Assert.Throws<FormatException>(() => LogisticModel.FromJson("not json"));
    }

    [Fact]
    public void Score_TopFeatures_OrderedByWeight()
    {
        var model = LogisticModel.Train(Separable());

        var (_, top) = model.Score(["bias", "cue=investiert", "unknown"]);

        Assert.StartsWith("cue=investiert", top[0], StringComparison.Ordinal);
        Assert.DoesNotContain(top, t => t.StartsWith("unknown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShippedModel_IsReproducibleWithTheReadmeCommand()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fact-model-{Guid.NewGuid():N}.json");
        try
        {
            var (code, _, err) = await CliRunner.Run("train", "--gold", Path.Combine(Repo.Samples, "gold.jsonl"), Repo.Samples, "--model", path);

            Assert.True(code == 0, err);
            var shipped = File.ReadAllText(Path.Combine(Repo.Root, "models", FactModelFile.Name));
            Assert.True(shipped == File.ReadAllText(path),
                "models/fact-model.json differs from a fresh 'extract train' run: retrain it with the README's command after changing rules, cues or samples.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ShippedModel_LoadsFromTheEmbeddedStore()
    {
        Assert.NotNull(FactModelFile.TryLoad(ModelStore.Embedded));
    }
}
