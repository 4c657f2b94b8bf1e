using Extraction.Evaluation;
using Extraction.Model;
using Extraction.Tests.Support;
using static Extraction.Tests.Support.TestFacts;

namespace Extraction.Tests.Evaluation;

public sealed class GoldSetTests
{
    private const string Lines =
        "{\"article\":\"leer.txt\",\"kind\":\"none\",\"note\":\"nur Preise\"}\n" +
        "{\"article\":\"werk.txt\",\"kind\":\"investment\",\"actor\":\"Stahlwerk Nord\",\"amount_min\":40000000,\"amount_max\":40000000,\"currency\":\"EUR\",\"qualifier\":\"exact\",\"quote\":\"40 Millionen Euro\",\"record\":\"w\"}\n" +
        "{\"article\":\"werk.txt\",\"kind\":\"investment\",\"actor\":\"Stahlwerk Nord\",\"amount_min\":43000000,\"amount_max\":43000000,\"currency\":\"USD\",\"qualifier\":\"exact\",\"quote\":\"43 Millionen Dollar\",\"record\":\"w\",\"conversion\":true}\n" +
        "{\"article\":\"werk.txt\",\"kind\":\"investment\",\"actor\":\"Land\",\"amount_min\":9000000,\"amount_max\":9000000,\"currency\":\"EUR\",\"qualifier\":\"exact\",\"quote\":\"9 Millionen\",\"borderline\":true}\n";

    private static GoldSet Load()
    {
        using var tmp = CliRunner.Temp();
        return GoldSet.Load(tmp.File("gold.jsonl", Lines));
    }

    [Fact]
    public void Load_NoneLine_CoversArticleWithoutFacts()
    {
        var gold = Load();

        Assert.Equal(3, gold.Facts.Count);
        Assert.Contains("leer.txt", gold.Articles);
        Assert.Empty(gold.Of("leer.txt"));
        Assert.True(gold.Facts[1].Conversion && !gold.Facts[1].Counted);
        Assert.True(gold.Facts[2].Borderline && !gold.Facts[2].Counted);
    }

    [Fact]
    public void Evaluate_FactInNoneArticle_IsSpurious()
    {
        var report = Scorer.Evaluate(Load(), [Money("leer.txt", null, 5m, "EUR")]);

        Assert.Equal((0, 1), (report.Amounts.MatchedPredicted, report.Amounts.Predicted));
        Assert.Single(report.Spurious);
    }

    [Fact]
    public void Evaluate_BorderlineAndConversion_NeitherMissedNorSpurious()
    {
        var facts = new[] { Money("werk.txt", "Stahlwerk Nord", 40_000_000m, "EUR"), Money("werk.txt", null, 43_000_000m, "USD"), Money("werk.txt", "Land", 9_000_000m, "EUR") };

        var report = Scorer.Evaluate(Load(), facts);

        Assert.Equal((1, 1, 1, 1), (report.Amounts.MatchedPredicted, report.Amounts.Predicted, report.Amounts.MatchedGold, report.Amounts.Gold));
        Assert.Equal(2, report.Ignored);
        Assert.Empty(report.Missed);
        Assert.Empty(report.Spurious);
    }

    [Fact]
    public void Evaluate_BorderlineNotFound_IsNotMissed()
    {
        var report = Scorer.Evaluate(Load(), []);

        Assert.Equal(1, report.Amounts.Gold);
        Assert.Single(report.Missed);
        Assert.Equal("40 Millionen Euro", report.Missed[0].Text);
    }

    [Fact]
    public void Evaluate_PerArticle_SumsToCorpus()
    {
        var facts = new[] { Money("werk.txt", "Stahlwerk Nord", 40_000_000m, "EUR"), Money("leer.txt", null, 5m, "EUR"), Money("fremd.txt", null, 5m, "EUR") };

        var report = Scorer.Evaluate(Load(), facts);

        Assert.Equal(["leer.txt", "werk.txt"], report.Articles.Select(a => a.Article));
        Assert.Equal(report.Amounts.Predicted, report.Articles.Sum(a => a.Amounts.Predicted));
        Assert.Equal(2, report.Amounts.Predicted);
    }

    [Fact]
    public void Evaluate_RecordOfOriginalAndConversion_CoversTheOriginalsGroup()
    {
        var record = new ClaimRecord("1", FactKind.Investment, "Stahlwerk Nord", new Amount(40_000_000m, 40_000_000m, "EUR", Qualifier.Exact), null, null, null,
            [new Source("werk.txt", "s", "t")], 2);

        var report = Scorer.Evaluate(Load(), [], [record]);

        Assert.Equal(1.0, report.Records!.F1);
    }

    [Fact]
    public void SentenceOf_FindsQuoteInItsSentence()
    {
        const string text = "Der Ort liegt am See. Die Gemeinde baut für 3 Mio. Euro eine Halle. Danach folgt nichts.";

        Assert.Equal("Die Gemeinde baut für 3 Mio. Euro eine Halle.", QuoteLocator.SentenceOf(text, "3 Mio. Euro"));
        Assert.Null(QuoteLocator.SentenceOf(text, "7 Mio."));
    }
}
