using Extraction.Facts;
using Extraction.Facts.Actors.Rules;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Tests.Facts.Actors;

/// <summary>
/// Who stands behind a figure when its own sentence does not say (issue 15), in sentences written for
/// these tests: the giver of a subsidy, a definite description that names again what an earlier
/// sentence named, the payer named in the next sentence.
/// </summary>
public sealed class ActorLinkingTests
{
    private static readonly ActorGazetteer Actors = ActorGazetteer.Load(ModelFiles.Embedded);
    private static readonly CueLexicon Cues = CueLexicon.Load(ModelFiles.Embedded);

    private static Fact Single(string text) => Assert.Single(new FactExtractor(Actors, Cues).Extract(new Article("t.txt", "", text, 0), explain: true));

    [Fact]
    public void Subsidy_GiverUnnamed_GovernmentOfTheSentenceBefore()
    {
        var fact = Single("Die Bundesregierung hat ein Programm für Wärmenetze beschlossen. Die Stadtwerke Talheim erhalten eine Förderung von 12 Millionen Euro.");

        Assert.Equal("Deutschland", fact.Actor);
    }

    [Fact]
    public void Subsidy_CompoundNoun_GiverIsTheArticlesState()
    {
        var fact = Single("Der Sender ist der größte private Anbieter in Österreich. Im Vorjahr bekam der Sender Hallo TV eine Medienförderung von 1,8 Millionen Euro.");

        Assert.Equal("Österreich", fact.Actor);
    }

    [Fact]
    public void Subsidy_MoneyFromAPublicFund_GiverIsTheArticlesState()
    {
        var fact = Single("Die Zahl der Sender in Österreich wächst. Der Kanal hat im Jahr 2024 über 3 Millionen Euro aus dem Rundfunkfonds erhalten.");

        Assert.Equal("Österreich", fact.Actor);
    }

    [Fact]
    public void Subsidy_AsAVerb_TheSubjectGives()
    {
        var fact = Single("Österreich hat ein neues Lehrlingsgesetz. Die Firma Brenner fördert den Nachwuchs mit 2 Millionen Euro.");

        Assert.Equal("Brenner", fact.Actor);
    }

    [Fact]
    public void SameNoun_DefiniteDescription_TakesTheActorOfItsFirstMention()
    {
        var fact = Single("Bei ihrer Sitzung hat die Raumfahrtagentur ORBA einen Stufenplan beschlossen. Die Minister trafen sich dafür in Genf. "
            + "Das Treffen dauerte zwei Tage. Der Stufenplan sieht zuerst eine 40 Millionen Euro teure Machbarkeitsstudie vor.");

        Assert.Equal(("ORBA", new ActorRule(ActorRuleId.SameNoun, 3).Text), (fact.Actor, fact.Explanation!.ActorRule));
    }

    [Fact]
    public void SameNoun_ActorFarFromTheNoun_IsNotTaken()
    {
        var fact = Single("Über das geplante Kraftwerk wurde lange gestritten, zuletzt auch im Stadtrat, bevor sich die Firma Strombau zurückzog. "
            + "Seitdem ruht die Planung. Die Baukosten für das Kraftwerk liegen nun bei 30 Millionen Euro.");

        Assert.NotEqual("Strombau", fact.Actor);
    }

    [Fact]
    public void FollowingSentence_CostFirst_PayerNext()
    {
        var fact = Single("Am Hafen beginnt der Umbau eines alten Speichers. Der Speicher erhält eine Investition von 25 Millionen Euro. "
            + "Die HBG als Eigentümerin hat die Firma Ziegler mit dem Umbau beauftragt.");

        Assert.Equal(("HBG", new ActorRule(ActorRuleId.FollowingSentence).Text), (fact.Actor, fact.Explanation!.ActorRule));
    }

    [Theory]
    [InlineData("Die Förderbank Nordinvest gewährt der Firma Talwerk einen Kredit von 80 Millionen Euro.", "Nordinvest")]
    [InlineData("Die Firma Talwerk hat sich 5 Millionen Euro von der Hausbank Ostkredit geliehen.", "Ostkredit")]
    [InlineData("Die Firma Talwerk erhält ein Darlehen der Europäischen Investitionsbank über 200 Millionen Euro.", "Europäische Investitionsbank")]
    public void Loan_TheLenderIsTheActor(string text, string lender) => Assert.Equal(lender, Single(text).Actor);

    [Theory]
    [InlineData("Der Konzern Meridian übernimmt den Hersteller Nordwind für 2,4 Milliarden Euro.", "Meridian")]
    [InlineData("Für 900 Millionen Euro übernimmt die Firma Meridian den Hersteller Nordwind.", "Meridian")]
    [InlineData("Der Hersteller Nordwind wurde für 2 Milliarden Euro von der Holding Meridian übernommen.", "Meridian")]
    [InlineData("Die Firma Nordwind hat ihre Kältesparte für 300 Millionen Euro an den Investor Kestrel verkauft.", "Kestrel")]
    public void Acquisition_TheBuyerIsTheActor(string text, string buyer) => Assert.Equal(buyer, Single(text).Actor);

    [Fact]
    public void Acquisition_SoldToAnUnnamedBuyer_NoActor()
    {
        var fact = Single("Die Firma Halvor hat ihre Wohnungen geprüft. Der Stadtrat berät im Mai. Die Wohnungen werden für 43 Millionen Euro an ein Grazer Unternehmen verkauft.");

        Assert.Null(fact.Actor);
    }

    [Fact]
    public void BackReference_CompanyNoun_ReachesACompanyParagraphsBefore()
    {
        var fact = Single("Die Firma Halvor baut in Graz ein neues Lager. Die Stadt freut sich. Der Bürgermeister sprach von einem guten Tag. "
            + "Viele Anwohner kamen zur Feier. Der Konzern investiert dafür 60 Millionen Euro.");

        Assert.Equal("Halvor", fact.Actor);
    }

    [Fact]
    public void RecentCompany_NobodyInTheSentence_TheCompanyThePassageIsAbout()
    {
        var fact = Single("Die Großbank Helvetor meldet hohe Verluste. Der Kurs der Bank Helvetor fiel um zwölf Prozent. Ein Sprecher nannte keine Details. "
            + "Im Juni müssen die Anteilseigner eine Kapitalerhöhung über 4 Milliarden Euro noch billigen. Auch die Bank Nordkredit meldete Verluste. Die Bank Nordkredit will Stellen streichen.");

        Assert.Equal(("Helvetor", new ActorRule(ActorRuleId.RecentCompany, 2).Text), (fact.Actor, fact.Explanation!.ActorRule));
    }

    [Theory]
    [InlineData("Die polnische Regierung stellt 300 Millionen Euro für den Ausbau der Bahn bereit.", "Polen")]
    [InlineData("Der Energiekonzern Verbund AG investiert 400 Millionen Euro in ein Pumpspeicherkraftwerk.", "Verbund AG")]
    [InlineData("Die Europäische Investitionsbank stellt 150 Millionen Euro für neue Straßenbahnen bereit.", "Europäische Investitionsbank")]
    public void Gazetteer_WellKnownParties(string text, string actor) => Assert.Equal(actor, Single(text).Actor);
}
