using Extraction.Facts;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Tests.Facts.Decision;

/// <summary>
/// The investment-or-not decision on constructions of German economic news, in sentences written for these
/// tests (rules only): separable verbs, bad debts, caps, box-office takings, names holding a cue word,
/// insolvency and court reports, conversions, purchase prices.
/// </summary>
public sealed class InvestmentDecisionTests
{
    private static readonly FactExtractor Rules = new(ActorGazetteer.Load(ModelFiles.Embedded), CueLexicon.Load(ModelFiles.Embedded));

    private static List<Fact> Run(string text) => Rules.Extract(new Article("t.txt", "", text, 0));

    [Theory]
    [InlineData("Der Landkreis gibt im kommenden Jahr 40 Millionen Euro für neue Schulgebäude aus.", 40_000_000)]
    [InlineData("Die Stadtwerke nehmen für das Fernwärmenetz 120 Millionen Euro in die Hand.", 120_000_000)]
    [InlineData("Die Stadtwerke wollen für das Fernwärmenetz 120 Millionen Euro in die Hand nehmen.", 120_000_000)]
    [InlineData("Das Bundesland schießt weitere 35 Millionen Euro zu.", 35_000_000)]
    [InlineData("Die Reederei Seeadler sammelte bei Anlegern 250 Millionen Euro ein, um Schiffe zu kaufen.", 250_000_000)]
    [InlineData("Der Batteriehersteller Zellwerk warb 90 Millionen Euro an Wagniskapital ein.", 90_000_000)]
    [InlineData("Der Vermieter Wohnbau Ost spielte bei seinem Börsengang 700 Millionen Euro ein.", 700_000_000)]
    [InlineData("Ein Pensionsfonds aus Kanada stieg mit 300 Millionen Euro bei dem Hafenbetreiber ein.", 300_000_000)]
    [InlineData("Die drei Gründer trugen jeweils 2 Millionen Euro zu dem neuen Labor bei.", 2_000_000)]
    [InlineData("Beide Länder zahlen je 150 Millionen Euro in den neuen Forschungsfonds ein.", 150_000_000)]
    [InlineData("Für die Sanierung der Brücken stellt das Ministerium 90 Millionen Euro zur Verfügung.", 90_000_000)]
    [InlineData("Für die Sanierung der Brücken werden 90 Millionen Euro zur Verfügung gestellt.", 90_000_000)]
    public void Extract_SeparableVerb_IsAnInvestment(string text, long amount) =>
        Assert.Equal(amount, Assert.Single(Run(text)).Amount!.Min);

    [Theory]
    [InlineData("In den Bilanzen der Sparkassen stecken notleidende Kredite im Umfang von 40 Milliarden Euro.")]
    [InlineData("Die Geldhäuser des Landes sitzen auf faulen Krediten von 60 Milliarden Euro.")]
    [InlineData("Die Partei will die Kosten ihres Wahlkampfs auf sieben Millionen Euro begrenzen.")]
    [InlineData("Die Kandidatin schlägt eine Obergrenze von drei Millionen Euro für Wahlkampfkosten vor.")]
    [InlineData("Der Zeichentrickfilm spielte an den Kinokassen 450 Millionen Dollar ein.")]
    [InlineData("Der Verein muss jedes Jahr Anleihezinsen von 4 Millionen Euro zahlen.")]
    [InlineData("Wegen der Krise wurde das Budget der Raumfahrtagentur um 600 Millionen Euro gekürzt.")]
    [InlineData("Nach dem Kurssprung ist der Versandhändler an der Börse 9 Milliarden Euro wert.")]
    [InlineData("Der Markt für Wärmepumpen hat in Europa ein Volumen von 12 Milliarden Euro.")]
    [InlineData("Für den Stürmer zahlte der Verein im Sommer 12 Millionen Euro an den Lokalrivalen.")]
    [InlineData("Den Sachschaden schätzt die Feuerwehr auf rund 400.000 Euro.")]
    [InlineData("Das Land gibt im nächsten Jahr 3 Milliarden Euro für das Bürgergeld aus.")]
    [InlineData("Bei den Händlern stieg die Zahl der Erwerbstätigen auf 2,1 Millionen.")]
    public void Extract_NoListMoney_IsNoFact(string text) => Assert.Empty(Run(text));

    [Fact]
    public void Extract_CueWordInANameWithAcronym_IsNoCue()
    {
        var facts = Run("Laut dem Bericht des Europäischen Entwicklungsfonds (EEF) schickten Gastarbeiter 9 Milliarden Euro an ihre Familien.");

        Assert.Empty(facts);
    }

    [Fact]
    public void Extract_GeneralWordInAnInsolvencyReport_IsNoFact()
    {
        var text = "Die Bäckereikette Kornfeld hat Insolvenz angemeldet. Die Gläubiger fordern 14 Millionen Euro. " +
                   "Ein Insolvenzverwalter führt die Geschäfte. Die Hausbank ist mit Krediten von 5 Millionen Euro dabei.";

        Assert.Empty(Run(text));
    }

    [Fact]
    public void Extract_StrongWordInAnInsolvencyReport_StaysAFact()
    {
        var text = "Die Bäckereikette Kornfeld hat Insolvenz angemeldet. Die Gläubiger fordern 14 Millionen Euro. " +
                   "Ein Insolvenzverwalter führt die Geschäfte. Der Konkurrent Mehlmann übernimmt die Kette für 3 Millionen Euro.";

        Assert.Equal(3_000_000m, Assert.Single(Run(text)).Amount!.Min);
    }

    [Fact]
    public void Extract_ConversionWordInBrackets_KeepsTheOriginal()
    {
        var fact = Assert.Single(Run("Die Regierung Japans stellt 800 Milliarden Yen (umgerechnet 5 Milliarden Euro) für Halbleiter bereit."));

        Assert.Equal(("JPY", 800_000_000_000m), (fact.Amount!.Currency, fact.Amount.Min));
    }

    [Fact]
    public void Extract_ConversionInItsOwnSentence_IsNoFact() =>
        Assert.Empty(Run("Das sind umgerechnet rund 70 Millionen Euro."));

    [Theory]
    [InlineData("Der Energiekonzern Ostwind kauft den Netzbetreiber Talnetz. Der Kaufpreis liegt bei 1,7 Milliarden Euro.", 1_700_000_000)]
    [InlineData("Der Finanzinvestor Graufels zahlt für die Mehrheit an der Klinikgruppe 600 Millionen Euro.", 600_000_000)]
    [InlineData("Die Übernahme des Spezialchemiekonzerns ist 4,2 Milliarden Euro wert.", 4_200_000_000)]
    [InlineData("Der Deal mit dem Reifenhersteller hat ein Volumen von 800 Millionen Euro.", 800_000_000)]
    [InlineData("Das Brückenprojekt der Bahn hat ein Volumen von 400 Millionen Euro.", 400_000_000)]
    public void Extract_PurchasePrice_IsAnInvestment(string text, long amount) =>
        Assert.Equal(amount, Assert.Single(Run(text)).Amount!.Min);

    [Fact]
    public void Extract_AmountWithoutCurrencyWordBeforeAnyCurrency_TakesTheArticlesCurrency()
    {
        var facts = Run("Die Baukosten des Tunnels werden auf 6 Milliarden geschätzt. Die Schweiz trägt davon 2 Milliarden Franken.");

        Assert.Equal([("CHF", 6_000_000_000m)], facts.Where(f => f.Amount!.Min == 6_000_000_000m).Select(f => (f.Amount!.Currency!, f.Amount.Min)));
    }
}
