using Extraction.Facts;
using Extraction.Ml;
using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Tests.Support;

namespace Extraction.Tests.Ml;

/// <summary>The fact model's direct scoring gives the PredictionEngine's probability to the bit, for every trainer and the shipped file.</summary>
public sealed class DirectScorerTests
{
    private static List<Example> Separable() =>
        Enumerable.Range(0, 200).Select(i => i % 2 == 0
            ? new Example(["bias", "cue=investiert", $"noise={i % 7}", $"pos={i % 11}"], true)
            : new Example(["bias", "cue=umsatz", $"noise={i % 5}", $"pos={i % 13}"], false)).ToList();

    // Bags of known and unknown strings, with repeats (counted twice by the model's bag), empty and out of order.
    private static IEnumerable<string[]> Bags()
    {
        var known = Separable().SelectMany(e => e.Features).Distinct().ToArray();
        var random = new Random(7);
        yield return [];
        yield return ["never-seen"];
        yield return ["bias", "bias", "cue=investiert"];
        yield return ["", "bias"];
        for (var i = 0; i < 300; i++)
        {
            yield return [.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.Next(8) == 0 ? "unknown" + random.Next(3) : known[random.Next(known.Length)])];
        }
    }

    [Theory]
    [InlineData(FactTrainerKind.FastTree)]
    [InlineData(FactTrainerKind.Lbfgs)]
    public void Probability_Direct_EqualsTheEngineBitForBit(FactTrainerKind trainer)
    {
        using var model = FactModel.Train(Separable(), trainer);
        using var loaded = FactModel.FromBytes(model.ToBytes());

        foreach (var m in new[] { model, loaded })
        {
            Assert.True(m.ScoresDirectly);
            Assert.Equal(trainer == FactTrainerKind.FastTree, m.ScoresDense); // trees read a dense bag, the linear model keeps the sparse one
            foreach (var bag in Bags())
            {
                Assert.Equal(m.EngineProbability(bag), m.Probability(bag));
            }
        }
    }

    [Fact]
    public void Probability_BagAsLargeAsHalfTheVocabulary_FallsBackToTheEngine()
    {
        // 14 known strings: ML.NET's bag turns dense at half of them, and so would its arithmetic.
        using var model = FactModel.Train(Separable(), FactTrainerKind.Lbfgs);
        string[] many = ["bias", "cue=investiert", "cue=umsatz", "noise=0", "noise=1", "noise=2", "noise=3", "noise=4", "noise=5", "noise=6", "pos=0", "pos=1"];

        Assert.Equal(model.EngineProbability(many), model.Probability(many));
    }

    [Fact]
    public void ShippedModel_DirectEqualsEngine_OnTheSamplesAndSeedsCandidatesAndActors()
    {
        using var shipped = FactModelFile.TryLoad(new ModelFiles(Path.Combine(Repo.Root, "models", "ml"))) ?? throw new InvalidOperationException("no shipped model");
        var extractor = new FactExtractor(ActorGazetteer.Load(ModelFiles.Embedded), CueLexicon.Load(ModelFiles.Embedded));
        var (facts, actors) = (0, 0);
        // The seeds (read in place) when present beside the repository.
        var files = Directory.EnumerateFiles(Repo.Samples, "*.txt").Concat(Repo.Seeds is { } seeds ? Directory.EnumerateFiles(seeds, "*.txt") : []);
        foreach (var file in files)
        {
            foreach (var c in extractor.ExtractCandidates(new Article(Path.GetFileName(file), "", File.ReadAllText(file), 0), actorCandidates: true))
            {
                Assert.Equal(shipped.EngineProbability(c.Features), shipped.Probability(c.Features));
                facts++;
                foreach (var a in c.Actors)
                {
                    Assert.Equal(shipped.Actors!.EngineProbability(a.Features), shipped.Actors.Probability(a.Features));
                    actors++;
                }
            }
        }

        Assert.True(shipped.ScoresDirectly && shipped.Actors!.ScoresDirectly);
        Assert.True(shipped.ScoresDense && shipped.Actors.ScoresDense); // the shipped FastTree model: every probability above came through the dense path
        Assert.True(facts > 50 && actors > 50, $"{facts} candidates, {actors} candidate actors");
    }
}
