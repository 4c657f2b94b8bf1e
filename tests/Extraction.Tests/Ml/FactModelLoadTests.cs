using Extraction.Ml;
using Extraction.Tests.Support;

namespace Extraction.Tests.Ml;

/// <summary>A loaded fact model takes its version from the file's bytes; that is the version ML.NET's saving it again gives.</summary>
public sealed class FactModelLoadTests
{
    [Fact]
    public void ShippedModel_Version_EqualsTheVersionOfTheModelSavedAgain()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repo.Root, "models", "ml", FactModelFile.Name));

        using var model = FactModel.FromBytes(bytes);

        Assert.Equal(model.ResavedVersion(), model.Version);
        Assert.Equal(model.ToBytes(), FactModel.FromBytes(model.ToBytes()).ToBytes());
    }

    [Theory]
    [InlineData(FactTrainerKind.FastTree)]
    [InlineData(FactTrainerKind.Lbfgs)]
    public void FromBytes_TrainedWithActors_SameVersionAsTrainedAndAsSavedAgain(FactTrainerKind trainer)
    {
        var examples = Enumerable.Range(0, 120).Select(i => new Example(["bias", i % 2 == 0 ? "cue=investiert" : "cue=umsatz", $"n={i % 9}"], i % 2 == 0)).ToList();
        using var trained = FactModel.Train(examples, trainer, FactModel.Train(examples, FactTrainerKind.Lbfgs));

        using var loaded = FactModel.FromBytes(trained.ToBytes("a test"));

        Assert.Equal(trained.Version, loaded.Version);
        Assert.Equal(loaded.ResavedVersion(), loaded.Version);
        Assert.Equal(trained.ToBytes("again"), loaded.ToBytes("again"));
    }
}
