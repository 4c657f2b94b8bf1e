using Extraction.Ml.Ner;
using Extraction.Pipeline;
using Extraction.Tests.Support;

namespace Extraction.Tests.Ml.Ner;

public sealed class WordClustersTests
{
    /// <summary>The shipped clusters equal a fresh build by the README's `extract train-clusters` command (the same inputs, read in place).</summary>
    [SkippableFact]
    public async Task ShippedClusters_EqualAFreshBuild()
    {
        var news = RealWorld.Require("news");
        var pages = RealWorld.Require("trafilatura-dev");
        var germEval = RealWorld.Require("germeval2014");
        var shipped = File.ReadAllText(Path.Combine(Repo.Root, "models", "ml", WordClusters.FileName));
        using var pipeline = new ExtractionPipelineBuilder(new PipelineOptions()).Build();

        var (sentences, _, failed) = await ClusterCorpus.ReadAsync(
            pipeline, [Path.Combine(germEval, "NER-de-dev.tsv"), Path.Combine(germEval, "NER-de-test.tsv")],
            [Path.Combine(news, "articles"), Path.Combine(pages, "pages")], TextWriter.Null, CancellationToken.None);
        var fresh = WordClusterTrainer.Build(sentences, WordClusters.Parse(shipped).Description);

        Assert.Equal(0, failed);
        Assert.True(shipped == fresh.ToText(), "models/ml/word-clusters.tsv differs from a fresh build: rebuild with the README's 'extract train-clusters' command, then retrain org-ner.tsv.");
    }

    /// <summary>Own sentences: words in the same slots (company names before "investiert", towns after "in") share a cluster; the build is deterministic and reads back.</summary>
    [Fact]
    public void Build_GroupsWordsOfTheSameContexts_IsDeterministic_AndRoundTrips()
    {
        string[] companies = ["Brunnhof", "Talwerk", "Kessler", "Lindau", "Morgana", "Sterntal"];
        string[] towns = ["Kassel", "Bochum", "Passau", "Görlitz", "Gießen", "Erfurt"];
        var sentences = new List<IReadOnlyList<string>>();
        foreach (var c in companies)
        {
            foreach (var t in towns)
            {
                sentences.Add(["Die", c, "investiert", "in", t, "."]);
            }
        }

        var first = WordClusterTrainer.Build(sentences, "test", minCount: 2, contextWords: 10, branching: [2, 2]);
        var second = WordClusterTrainer.Build(sentences, "test", minCount: 2, contextWords: 10, branching: [2, 2]);

        Assert.Equal(first.ToText(), second.ToText());
        var back = WordClusters.Parse(first.ToText());
        Assert.Equal(first.ToText(), back.ToText());
        Assert.Equal(first.Fingerprint, back.Fingerprint);
        var companyClusters = companies.Select(c => back.Of(c)![0]).Distinct().ToList();
        var townClusters = towns.Select(t => back.Of(t)![0]).Distinct().ToList();
        Assert.Single(companyClusters);
        Assert.Single(townClusters);
        Assert.NotEqual(companyClusters[0], townClusters[0]);
        Assert.Equal(2, back.Of("Kassel")!.Length);
        Assert.Null(back.Of("Hamburg"));
    }

    [Fact]
    public void Parse_RejectsOtherFiles_AndNamesTheLine()
    {
        Assert.Throws<FormatException>(() => WordClusters.Parse("word\t1\n"));
        var ex = Assert.Throws<FormatException>(() => WordClusters.Parse("# extraction-word-clusters-v1\n# d\nBank\t1\nBank\t2\n"));
        Assert.Contains("line 4", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => WordClusters.Parse("# extraction-word-clusters-v1\n# d\nBank\n"));
    }
}
