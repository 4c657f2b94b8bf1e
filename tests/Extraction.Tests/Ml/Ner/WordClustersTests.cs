using Extraction.Ml.Ner;

namespace Extraction.Tests.Ml.Ner;

public sealed class WordClustersTests
{
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
