using Extraction.Clean;
using Extraction.Pipeline;

namespace Extraction.Tests.Clean;

public sealed class BoilerplateRulesTests
{
    private static readonly BoilerplateRules Rules = BoilerplateRules.Load(ModelFiles.Embedded);

    [Theory]
    [InlineData("Sprachauswahl 📢")]
    [InlineData("» Artikel teilen:")]
    [InlineData("Kommentare (12)")]
    [InlineData("143 Kommentare")]
    [InlineData("Bereits Abonnent?")]
    public void Reason_MarkerWithEmojiPunctuationOrCount_MarkerLine(string line) => Assert.Equal("marker line", Rules.Reason(line));

    [Theory]
    [InlineData("Im Browser lesen · Teilen")]
    [InlineData("Mehr aus dem Havelland")]
    [InlineData("Weitere Nachrichten zu Microsoft")]
    [InlineData("Dieser Artikel enthält Affiliate-Links. Bei einem Kauf erhalten wir ggf. eine Provision.")]
    [InlineData("Nasdaq 100 20.153,21 -2,76 %")]
    public void Reason_FurnitureLines_NotNull(string line) => Assert.NotNull(Rules.Reason(line));

    [Theory]
    [InlineData("Mehr aus Wasserkraft als aus Kohle: Das Werk bezieht seinen Strom zu 80 Prozent aus erneuerbaren Quellen.")]
    [InlineData("Kommentare von Lesern zeigen, dass die Pläne umstritten sind, doch die Landesregierung hält an ihnen fest.")]
    [InlineData("Der Versorger übernimmt Planung, Betrieb und Vertrieb der Anlagen.")]
    public void Reason_Prose_Null(string line) => Assert.Null(Rules.Reason(line));

    // A list intro by its prefix ("Mehr aus *") is a short line: up to 60 characters and six words.
    [Theory]
    [InlineData("Mehr aus Husum", true)]
    [InlineData("Mehr aus der Stadt und Umgebung", true)] // six words
    [InlineData("Mehr aus der Stadt und ihrem Umland", false)] // seven
    [InlineData("Mehr aus Oberschleißheim, Unterschleißheim und Garching-Hochbrück", false)] // 65 characters
    [InlineData("Mehr aus Oberschleißheim, Unterschleißheim und Garching-Hoch", true)] // 60 characters
    public void IsListIntro_PrefixedLine_OnlyWhenShort(string line, bool intro) => Assert.Equal(intro, Rules.IsListIntro(line));

    [Fact]
    public void IsListIntro_LineTooLongForAMarker_False() =>
        Assert.False(Rules.IsListIntro("Mehr aus " + string.Concat(Enumerable.Repeat("der Stadt ", 25))));

    [Theory]
    [InlineData("Die Ausleihungen stiegen im Monatsvergleich um 4 Mrd. Euro.", null)]
    [InlineData("Das Paket kostet 9,99 Euro im Monat", "weak: im Monat")]
    [InlineData("Danach 9,99 Euro pro Monat", "weak: pro Monat")]
    [InlineData("Alle Kommentare anzeigen", "weak: Kommentar")]
    public void Reason_WeakPhraseOfSeveralWords_MatchesOnlyUpToAWordEnd(string line, string? reason) => Assert.Equal(reason, Rules.Reason(line));

    [Theory]
    [InlineData("Datenschutzerklärung", "Datenschutzerkl")]
    [InlineData("Über den Autor", "ber den Autor")]
    [InlineData("Beiträge", "Beitr")]
    [InlineData("Newsletter abonnieren", "Newsletter abonnieren")]
    [InlineData("Äö", "Äö")]
    [InlineData("ab ÄÖÜ cd", "ab ")]
    public void AsciiAnchor_LongestAsciiRunOrThePhrase(string phrase, string anchor) => Assert.Equal(anchor, BoilerplateRules.AsciiAnchor(phrase));

    [Theory]
    [InlineData("Lesen Sie unsere DATENSCHUTZERKLÄRUNG, bevor Sie fortfahren.")]
    [InlineData("ÜBER DEN AUTOR")]
    public void Reason_PhraseWithUmlautInAnyCase_Found(string line) => Assert.NotNull(Rules.Reason(line));

    [Fact]
    public void IsTailStart_CountedCommentsHeading_True() => Assert.True(Rules.IsTailStart("Kommentare (12)"));

    [Fact]
    public void Load_UnknownRuleKind_ThrowsNamingTheLine()
    {
        var dir = Directory.CreateTempSubdirectory("extract-rules-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "boilerplate-de.txt"), "lines: Anzeige\n");

            var ex = Assert.Throws<FormatException>(() => BoilerplateRules.Load(new ModelFiles(dir)));

            Assert.Contains("lines: Anzeige", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
