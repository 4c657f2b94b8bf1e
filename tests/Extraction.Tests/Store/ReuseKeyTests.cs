using System.Text.Json;
using Extraction.Tests.Support;

namespace Extraction.Tests.Store;

/// <summary>
/// A stored result is reused only when everything it depends on is the same: the pipeline version
/// (here: with or without the model), the models and word lists, and --explain. Each part, changed
/// alone between two runs on one store, makes the second run process every article again; the same
/// settings twice reuse every one (so the counts below are not reprocessing for some other reason).
/// </summary>
public sealed class ReuseKeyTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Corpus()
    {
        // Three articles keep each pair of runs short; they have facts, so explanations show.
        Directory.CreateDirectory(_dir["in"]);
        foreach (var f in StoreTestSupport.SampleFiles().Take(3))
        {
            File.Copy(f, Path.Combine(_dir["in"], Path.GetFileName(f)));
        }

        return _dir["in"];
    }

    private async Task<(int Processed, int Reused, string Version)> Run(string outName, params string[] extra)
    {
        var (code, _, err) = await CliRunner.Run([
            "run", _dir["in"], "--out", _dir[outName], "--store", _dir["store.db"], "--quiet", .. extra]);
        Assert.True(code == 0, err);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir[outName], "run.json")));
        var counts = run.RootElement.GetProperty("counts");
        return (counts.GetProperty("processed").GetInt32(), counts.GetProperty("reused").GetInt32(), run.RootElement.GetProperty("version").GetString()!);
    }

    [Fact]
    public async Task Run_SameSettingsTwice_ReusesEveryArticle()
    {
        Corpus();
        await Run("a");

        var second = await Run("b");

        Assert.Equal((0, 3), (second.Processed, second.Reused));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_ExplainTurnedOnOrOff_ProcessesEveryArticleAgain(bool explainFirst)
    {
        Corpus();
        await Run("a", explainFirst ? ["--explain"] : []);

        var second = await Run("b", explainFirst ? [] : ["--explain"]);

        Assert.Equal((3, 0), (second.Processed, second.Reused));
        var facts = File.ReadAllText(_dir["b/facts.jsonl"]);
        Assert.NotEmpty(facts);
        Assert.Equal(!explainFirst, facts.Contains("\"explain\":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_PipelineVersionChanged_ProcessesEveryArticleAgain()
    {
        // Rules alone and rules plus model are two pipeline versions ("model rules-only" against the
        // model's hash); a new release changes the same string through the assembly version. The
        // default is rules only (models/ml/README.md says why), so the model comes from models/ml.
        Corpus();
        var first = await Run("a", "--models", Path.Combine(Repo.Root, "models", "ml"));

        var second = await Run("b", "--rules-only");

        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal((3, 0), (second.Processed, second.Reused));
    }

    [Fact]
    public async Task Run_WordListInModelsFolderChanged_ProcessesEveryArticleAgain()
    {
        Corpus();
        var models = _dir["models"];
        Directory.CreateDirectory(models);
        foreach (var f in Directory.GetFiles(Path.Combine(Repo.Root, "models")))
        {
            File.Copy(f, Path.Combine(models, Path.GetFileName(f)));
        }

        await Run("a", "--models", models);
        var unchanged = await Run("b", "--models", models);
        var cues = Directory.GetFiles(models, "cues-*.txt").Single();
        File.AppendAllText(cues, "\n# eine Zeile mehr: die Liste ist eine andere Fassung\n");

        var changed = await Run("c", "--models", models);

        Assert.Equal((0, 3), (unchanged.Processed, unchanged.Reused));
        Assert.Equal((3, 0), (changed.Processed, changed.Reused));
    }

    [Fact]
    public async Task Run_ModelsFolderAddsAFile_ProcessesEveryArticleAgain()
    {
        // A file the embedded set lacks is part of the key too (its name and content are hashed).
        Corpus();
        var models = _dir["models"];
        Directory.CreateDirectory(models);
        await Run("a");
        File.WriteAllText(Path.Combine(models, "extra-notes.txt"), "# zusätzliche Datei\n");

        var second = await Run("b", "--models", models);

        Assert.Equal((3, 0), (second.Processed, second.Reused));
    }
}
