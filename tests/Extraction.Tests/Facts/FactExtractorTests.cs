using Extraction.Facts;
using Extraction.Ml;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Tests.Facts;

/// <summary>The same cases run against both configurations: rules only, and rules plus the shipped model.</summary>
public sealed class FactExtractorTests
{
    private static readonly ActorGazetteer Actors = ActorGazetteer.Load(ModelFiles.Embedded);
    private static readonly CueLexicon Cues = CueLexicon.Load(ModelFiles.Embedded);

    public static TheoryData<string> Configurations => new() { "rules", "rules+model" };

    private static FactExtractor Extractor(string config) =>
        config == "rules" ? new FactExtractor(Actors, Cues) : new FactExtractor(Actors, Cues, FactModelFile.TryLoad(new ModelFiles(Path.Combine(Extraction.Tests.Support.Repo.Root, "models", "ml"))) ?? throw new InvalidOperationException("no shipped model"));

    private static List<Fact> Run(string config, string text) => Extractor(config).Extract(new Article("t.txt", "", text, 0));

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Extract_Jeweils_OneFactPerActor(string config)
    {
        var facts = Run(config, "Sowohl Microsoft als auch Google und Meta haben jeweils Investitionen von über 50 Milliarden US-Dollar angekündigt.");

        Assert.Equal(["Google", "Meta", "Microsoft"], facts.Select(f => f.Actor!).Order());
        Assert.All(facts, f => Assert.Equal(Qualifier.Over, f.Amount!.Qualifier));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Extract_JointInvestors_OneFactWithAllNames(string config)
    {
        var facts = Run(config, "Nach Angaben der Firmen wollen OpenAI, SoftBank und Oracle zusammen 500 Milliarden Dollar in Rechenzentren investieren.");

        var fact = Assert.Single(facts);
        Assert.Equal("OpenAI, SoftBank und Oracle", fact.Actor);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Extract_Retraction_OnlyTheCorrectedFigure(string config)
    {
        var text = "Die Regierung Kanadas investiert zwei Milliarden CAD in öffentliche Rechenzentren.\n" +
                   "Korrektur: Eine frühere Fassung nannte zwei Milliarden US-Dollar, gemeint sind tatsächlich CAD.";

        var facts = Run(config, text);

        var fact = Assert.Single(facts);
        Assert.Equal("CAD", fact.Amount!.Currency);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Extract_BareDollarInCanadianArticle_IsCad(string config)
    {
        var text = "Kanada baut seine Rechenzentren aus. Die kanadische Regierung stellt dafür Geld bereit.\n" +
                   "Für neue Rechenzentren fließen bis zu 700 Millionen Dollar, eine Milliarde in Supercomputer und 300 Millionen sollen Firmen helfen. Kanada will so aufholen.";

        var facts = Run(config, text);

        // The fact model (trained on real news too) may judge "300 Millionen sollen Firmen helfen" aid rather than investment; the currency is the point here.
        Assert.Equal(config == "rules" ? [300_000_000m, 700_000_000m, 1_000_000_000m] : [700_000_000m, 1_000_000_000m],
            facts.Select(f => f.Amount!.Min).Where(m => config == "rules" || m != 300_000_000m).Order());
        Assert.All(facts, f => Assert.Equal("CAD", f.Amount!.Currency));
        Assert.All(facts, f => Assert.Equal("Kanada", f.Actor));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Extract_SourcePhrase_ActorIsWhereTheMoneyComesFrom(string config)
    {
        var facts = Run(config, "Die Regierung in Paris sucht Geldgeber. Ein Anteil von 20 Milliarden Euro soll von der Investmentfirma Brookfield stammen.");

        Assert.Equal("Brookfield", Assert.Single(facts).Actor);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Extract_BackReference_ActorFromEarlierSentence(string config)
    {
        var facts = Run(config, "Frankreichs Präsident Emmanuel Macron sieht sein Land im Wettlauf nicht abgehängt. In Paris stellte er Investitionen von 85 Milliarden Euro in Aussicht.");

        Assert.Equal("Frankreich", Assert.Single(facts).Actor);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Extract_Distractors_NoFacts(string config)
    {
        var text = "Der Umsatz stieg auf 65 Milliarden Dollar. Der Börsenwert liegt bei drei Billionen Dollar. " +
                   "Die Aktie kostet 182,50 Dollar. Das Abo kostet 9,99 Euro im Monat. Das Land beschäftigt 140.000 KI-Fachkräfte. " +
                   "Der Konzern will seine Kosten um zehn Milliarden Dollar senken.";

        Assert.Empty(Run(config, text));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Extract_HardwareWithVendorAndModel_OwnerNotVendor(string config)
    {
        var facts = Run(config, "xAI errichtet eine Rechnerhalle, die 100.000 Nvidia H100 GPUs beherbergen soll.");

        var fact = Assert.Single(facts);
        Assert.Equal(("xAI", "GPU", "H100", 100_000L), (fact.Actor, fact.Unit, fact.HardwareModel, fact.Count!.Min));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Extract_EveryFact_PointsBackToItsSentence(string config)
    {
        var text = "Für 2026 stellt Amazon Investitionen von über 90 Milliarden Dollar in Aussicht, ein Jahr zuvor waren es 71 Milliarden Dollar. Tesla hat rund vier Milliarden Dollar investiert.";

        var facts = Run(config, text);

        Assert.Equal(3, facts.Count);
        Assert.All(facts, f => Assert.Equal(f.Text, text.Substring(f.Start, f.Text.Length)));
        Assert.All(facts, f => Assert.Contains(f.Text, f.Sentence, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_Explain_NamesRuleAndActorRule()
    {
        var facts = new FactExtractor(Actors, Cues).Extract(new Article("t", "", "Der Autobauer Tesla hat im Frühjahr rund vier Milliarden Dollar investiert.", 0), explain: true);

        var e = Assert.Single(facts).Explanation!;
        Assert.Contains("investiert", e.Rule, StringComparison.Ordinal);
        Assert.Equal("nearest actor before the figure", e.ActorRule);
    }
}
