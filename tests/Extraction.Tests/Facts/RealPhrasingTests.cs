using Extraction.Facts;
using Extraction.Ml;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Tests.Facts;

/// <summary>
/// Constructions of everyday German economic news (issue 15), in sentences written for these tests:
/// money that is no investment, money raised and given in other words, hardware lists, actors no list knows.
/// </summary>
public sealed class RealPhrasingTests
{
    private static readonly ActorGazetteer Actors = ActorGazetteer.Load(ModelFiles.Embedded);
    private static readonly CueLexicon Cues = CueLexicon.Load(ModelFiles.Embedded);

    public static TheoryData<string> Configurations => new() { "rules", "rules+model" };

    private static List<Fact> Run(string config, string text) =>
        (config == "rules" ? new FactExtractor(Actors, Cues) : new FactExtractor(Actors, Cues, FactModelFile.TryLoad(new ModelFiles(Path.Combine(Extraction.Tests.Support.Repo.Root, "models", "ml")))))
            .Extract(new Article("t.txt", "", text, 0));

    [Theory]
    [InlineData("Das Ergebnis vor Steuern fiel von 410 Millionen Euro auf 220 Millionen Euro.")]
    [InlineData("Die Staatsschulden des Landes stiegen zuletzt auf 290 Milliarden Euro.")]
    [InlineData("Der scheidende Vorstand erhält eine Abfindung in Höhe von 12 Millionen Euro.")]
    [InlineData("Die Branche führt jedes Jahr rund 8 Milliarden Euro an Steuern ab.")]
    [InlineData("Eine Unternehmerin spendete der Partei 150.000 Euro.")]
    [InlineData("Bis Ende Mai muss die Stadt 2,5 Milliarden Euro an Krediten zurückzahlen.")]
    [InlineData("Den Börsenwert der Reederei beziffern Analysten auf 9 Milliarden Euro.")]
    [InlineData("Für eine Wohnung in der Innenstadt verlangen Makler bis zu 12.000 Euro pro Quadratmeter.")]
    public void Extract_NoListMoney_IsNoFact(string text)
    {
        foreach (var config in new[] { "rules", "rules+model" })
        {
            Assert.Empty(Run(config, text));
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Extract_BracketedConversion_OnlyTheOriginal(string config)
    {
        var facts = Run(config, "Der Chipfertiger Halbwerk investiert 40 Mrd. Dollar (34 Mrd. Euro) in zwei neue Fabriken.");

        var fact = Assert.Single(facts);
        Assert.Equal("USD", fact.Amount!.Currency);
        Assert.Equal("Halbwerk", fact.Actor);
    }

    [Theory]
    [InlineData("Das Start-up Rechenfluss hat in einer neuen Runde 60 Millionen Euro eingesammelt.", "Rechenfluss", 60_000_000)]
    [InlineData("Die Firma Gleisbau Krämer hat bei Investoren 25 Millionen Euro eingeworben.", "Gleisbau Krämer", 25_000_000)]
    [InlineData("Der Versorger Alpenstrom erhielt eine Finanzspritze von 300 Millionen Euro.", "Alpenstrom", 300_000_000)]
    [InlineData("Der Konzern Meridian übernimmt den Konkurrenten für 2,4 Milliarden Euro.", "Meridian", 2_400_000_000)]
    [InlineData("Die Landesregierung will das Werk mit rund 4 Milliarden Euro unterstützen.", null, 4_000_000_000)]
    [InlineData("Die NASA investierte mehr als 2 Milliarden Dollar in die neue Rakete.", "NASA", 2_000_000_000)]
    public void Extract_MoneyRaisedGivenOrPaid_IsAFactWithItsActor(string text, string? actor, long amount)
    {
        var fact = Assert.Single(Run("rules", text));

        Assert.Equal(amount, fact.Amount!.Min);
        if (actor is not null)
        {
            Assert.Equal(actor, fact.Actor);
        }
    }

    [Fact]
    public void Extract_SpecialFund_IsAFact()
    {
        var fact = Assert.Single(Run("rules", "Die fehlenden 900 Millionen Euro sollen aus einem Sonderfonds kommen."));

        Assert.Equal(900_000_000m, fact.Amount!.Min);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Extract_SuspendedHyphenList_OneCountPerModel(string config)
    {
        var facts = Run(config, "Der Cloudanbieter Nordwolke bestellt 80.000 B200-, 30.000 H100- und 10.000 GB300-Beschleuniger.");

        Assert.Equal([(80_000L, "B200"), (30_000L, "H100"), (10_000L, "GB300")], facts.Select(f => (f.Count!.Min, f.HardwareModel!)));
        Assert.All(facts, f => Assert.Equal("accelerator", f.Unit));
    }

    [Fact]
    public void Extract_CompoundHardwareNoun_IsAUnit()
    {
        var fact = Assert.Single(Run("rules", "Der Betreiber stattet die Halle mit 24.000 Hochleistungsprozessoren aus."));

        Assert.Equal(("chip", 24_000L), (fact.Unit!, fact.Count!.Min));
    }

    [Fact]
    public void Extract_StartUpBackReference_SkipsACountry()
    {
        var facts = Run("rules", "Das Start-up Rechenfluss wurde in Linz gegründet. Österreich hat einen neuen Plan für Rechenzentren. Das Start-up sammelte 40 Millionen Euro ein.");

        Assert.Equal("Rechenfluss", Assert.Single(facts).Actor);
    }

    [Fact]
    public void Extract_AdverbBeforeVerb_IsNoActor()
    {
        var facts = Run("rules", "Außerdem kauft die Stadt 20.000 Server für ihr Rechenzentrum.");

        Assert.NotEqual("Außerdem", Assert.Single(facts).Actor);
    }
}
