using Extraction.Facts;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Tests.Facts;

/// <summary>
/// Constructions German news and web pages use that the rules first met on pages nobody here wrote
/// (bench/gold/realworld-pages.jsonl), in sentences written for these tests: compounds headed by a
/// word of the "No" list, cash and orders, participles of granting, the federal level and the state
/// named inside a compound.
/// </summary>
public sealed class GeneralisationTests
{
    private static readonly ActorGazetteer Actors = ActorGazetteer.Load(ModelFiles.Embedded);
    private static readonly CueLexicon Cues = CueLexicon.Load(ModelFiles.Embedded);

    private static List<Fact> Run(string text) => new FactExtractor(Actors, Cues).Extract(new Article("t.txt", "", text, 0));

    [Theory]
    [InlineData("Nach dem Ausbau der Netze lag der Gesamtumsatz der Branche bei etwa 7 Milliarden Euro.")]
    [InlineData("Mit dem Ausbau der Solarparks stieg der Konzerngewinn auf 800 Millionen Euro.")]
    [InlineData("Trotz neuer Investitionen meldete die Firma einen Rekord-Umsatz von 4 Milliarden Euro.")]
    [InlineData("Ende März verfügte die Firma über liquide Mittel von 45 Millionen Euro, nach 90 Millionen Euro im Vorjahr.")]
    [InlineData("Der Ausstieg aus der Kohle bedeutet für die Zulieferer rund 3 Milliarden Euro Aufträge weniger.")]
    public void Extract_CompoundHeadedByNoWordOrCashOrOrders_IsNoFact(string text) => Assert.Empty(Run(text));

    [Theory]
    [InlineData("Ein Cluster mit 50.000 solcher Grafikprozessoren bräuchte etwa 60 Megawatt.", false)]
    [InlineData("Rechnet man mit 20.000 derartigen Beschleunigern, wären es mehrere Hallen.", false)]
    [InlineData("Der Betreiber Nordlicht stellt 20.000 Beschleuniger in die neue Halle.", true)]
    public void Extract_CountOfSuchUnits_IsAReckoningNotHardware(string text, bool fact) =>
        Assert.Equal(fact, Run(text).Any(f => f.Kind == FactKind.Hardware));

    [Fact]
    public void Extract_WholeWordInvestmentCompound_OutweighsItsNoHead()
    {
        // "Kaufpreis" ends in "preis" (a "No" word) but is itself a word for what a buyer pays.
        var fact = Assert.Single(Run("Der Konzern Nordlicht übernimmt die Sparte, der Kaufpreis liegt bei 400 Millionen Euro."));

        Assert.Equal(400_000_000m, fact.Amount!.Min);
    }

    [Theory]
    [InlineData("Durch die Ausgabe eines Schuldscheindarlehens über 300 Millionen Euro hat die Firma Nordlicht genug Geld.", 300_000_000)]
    [InlineData("Ab Herbst zahlt Sachsen 4 Mio. Euro Landeszuschüsse an die Musikschulen.", 4_000_000)]
    public void Extract_InflectedInvestmentHead_IsAFact(string text, long amount) =>
        Assert.Equal(amount, Assert.Single(Run(text)).Amount!.Min);

    [Fact]
    public void Extract_PassiveGranting_IsAFactOfTheFederalGiver()
    {
        var fact = Assert.Single(Run("Das Labor wird vier Jahre lang vom Bundesforschungsministerium mit 3 Millionen Euro gefördert."));

        Assert.Equal(3_000_000m, fact.Amount!.Min);
        Assert.Equal("Deutschland", fact.Actor);
    }

    [Fact]
    public void Extract_FederalMoneyInACompound_NamesTheFederalGovernment()
    {
        var fact = Assert.Single(Run("Das Stadtmuseum, das mit Bundeshilfe bis zu 6 Millionen Euro für die Sanierung bekommen hat, öffnet im Mai."));

        Assert.Equal("Deutschland", fact.Actor);
    }

    [Fact]
    public void Extract_FederalMoneyInAnAustrianArticle_NamesAustria()
    {
        var facts = Run("Österreich will die Bahn stärken. Die Strecke wird mit Bundesmitteln von 80 Millionen Euro ausgebaut.");

        Assert.Equal("Österreich", Assert.Single(facts).Actor);
    }

    [Fact]
    public void Extract_StateGovernment_IsTheStateTheArticleNames()
    {
        var facts = Run("Sachsen will die Kultur in der Krise stützen. In Deutschland wird darüber gestritten. "
            + "Die Landesregierung stellt dafür zunächst 20 Millionen Euro bereit.");

        Assert.Equal("Sachsen", Assert.Single(facts).Actor);
    }

    [Fact]
    public void Extract_SubjectAfterTheVerbInVerbSecondClause_IsTheBuyer()
    {
        var facts = Run("Der Sender Talfunk berichtet über den Markt. Für 900 Millionen Euro hat Solvix die Sparte des Rivalen übernommen.");

        Assert.Equal("Solvix", Assert.Single(facts).Actor);
    }

    [Fact]
    public void Extract_NameRecognisedOnce_IsThePartyWhereTheArticleNamesItBare()
    {
        var facts = Run("Solvix-Chef Anna Berg spricht über die Pläne. Die Exaring AG liefert das Signal. Dafür habe Solvix gespart. "
            + "Viele Kunden warten schon. Ist der Kaufpreis von 300 Millionen Euro nicht zu hoch?");

        Assert.Equal("Solvix", Assert.Single(facts).Actor);
    }

    [Fact]
    public void Extract_DefiniteInstitutionDescription_IsTheParty()
    {
        var facts = Run("Am Sonntag wurde im Gemeindehaus gefeiert. Von den Baukosten über 2 Millionen Euro muss die Kirchengemeinde 600.000 Euro selbst aufbringen.");

        Assert.All(facts, f => Assert.Equal("Kirchengemeinde", f.Actor));
        Assert.Equal(2, facts.Count);
    }

    [Fact]
    public void Extract_DefiniteDescription_ResolvesToTheNameOfTheSameNoun()
    {
        var facts = Run("Die Stiftung Lindenhof lädt zum Sommerfest ein. Viele Gäste kamen. Für den Neubau will die Stiftung 3 Millionen Euro investieren.");

        Assert.Equal("Stiftung Lindenhof", Assert.Single(facts).Actor);
    }

    [Fact]
    public void Extract_InstitutionAfterPreposition_IsNoParty()
    {
        var facts = Run("Viele Gäste kamen zum Fest. Für die Gemeinde sind 3 Millionen Euro Förderung vorgesehen.");

        Assert.NotEqual("Gemeinde", Assert.Single(facts).Actor);
    }
}
