using Extraction.Clean;

namespace Extraction.Tests.Clean;

public sealed class LineShapesTests
{
    [Fact]
    public void Reason_StockTickerLine_NamedAsSuch() => Assert.Equal("ticker line", LineShapes.Reason("Nasdaq 100 20.153,21 -2,76 %"));

    [Theory]
    [InlineData("18. September 2025 · Lesezeit 5 Minuten")]
    [InlineData("Von Anna Berg · 14.03.2025, 11:20 Uhr · 143 Kommentare")]
    [InlineData("Von Oliver Brandt, London")]
    [InlineData("05.08.2025, 16:42 Uhr")]
    [InlineData("Ausgabe 214 · 17. April 2025")]
    [InlineData("Veröffentlicht am: 3. Juni 2024 / Update vom: 4. Juni 2024 – Verfasser: Erika Beispiel")]
    [InlineData("2025-10-17")]
    public void IsMetaLine_DatesBylinesAndCounts_True(string line) => Assert.True(LineShapes.IsMetaLine(line));

    [Theory]
    [InlineData("Von Graubünden bis Louisiana: So groß sind die KI-Cluster wirklich")]
    [InlineData("Politik | Wirtschaft")]
    [InlineData("Am 18. September 2025 unterzeichneten beide Seiten den Vertrag.")]
    [InlineData("Berlin, London")]
    public void IsMetaLine_TitlesAndSentences_False(string line) => Assert.False(LineShapes.IsMetaLine(line));

    [Theory]
    [InlineData("Home › News › KI & Cloud")]
    [InlineData("Startseite › Havelland")]
    [InlineData("Impressum | Datenschutz | AGB | Kontakt")]
    [InlineData("Jetzt teilen: Facebook · X · LinkedIn · E-Mail")]
    public void IsLinkRow_BreadcrumbsAndFooterLinks_True(string line) => Assert.True(LineShapes.IsLinkRow(line));

    [Theory]
    [InlineData("Bosch, Infineon und NXP halten je zehn Prozent.")]
    [InlineData("Umsatz | Gewinn")]
    [InlineData("Die Firma (Sitz: Berlin | Paris | Rom) investiert 10 Milliarden Euro in neue Rechenzentren.")]
    public void IsLinkRow_Prose_False(string line) => Assert.False(LineShapes.IsLinkRow(line));

    [Theory]
    [InlineData("DAX 19.077,54 -0,35 %", true)]
    [InlineData("Microsoft Corp. 406,35 USD -6,05 %", true)]
    [InlineData("EUR/USD 1,0856 +0,21 %", true)]
    [InlineData("Das Cloudgeschäft wuchs um 33 Prozent.", false)]
    [InlineData("Der Anteil stieg auf 12 %", false)]
    public void IsTicker_QuoteLines_OnlyThoseWithSignedChange(string line, bool expected) => Assert.Equal(expected, LineShapes.IsTicker(line));

    [Theory]
    [InlineData("Von Oliver Brandt, London", "Oliver Brandt")]
    [InlineData("Von Anna Berg · 14.03.2025, 11:20 Uhr", "Anna Berg")]
    [InlineData("18. September 2025", null)]
    public void Author_MetaLine_NamesTheByline(string line, string? expected) => Assert.Equal(expected, LineShapes.Author(line));

    [Theory]
    [InlineData("© Stadtwerke Kassel | Jana Beispiel")]
    [InlineData("Die neue Ladestation am Betriebshof © Stadtwerke Kassel / Jana Beispiel")]
    [InlineData("Bild © Verlag")]
    public void Reason_CreditOrCaptionEndingInCredit_CreditLine(string line) => Assert.Equal("credit line", LineShapes.Reason(line));

    [Theory]
    [InlineData("Die Marke © gehört seit 2019 dem Verlag. Der Streit darum geht weiter.")]
    [InlineData("Die Stadtwerke stellen alle Busse bis 2030 auf Strom um.")]
    public void Reason_SentenceAfterTheSignOrNoSign_NoCreditLine(string line) => Assert.NotEqual("credit line", LineShapes.Reason(line));
}

