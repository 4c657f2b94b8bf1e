using Extraction.Facts;
using Extraction.Recognize;
using Extraction.Text;

namespace Extraction.Tests.Recognize;

public sealed class OrganisationNamesTests
{
    private static List<string> Names(string sentence)
    {
        var found = new List<ActorMention>();
        new OrganisationNames().Find(sentence, Tokenizer.Tokenize(sentence), found);
        return [.. found.Select(m => m.Canonical)];
    }

    [Theory]
    [InlineData("Laut der ESA wird die Sonde teurer.", "ESA")]
    [InlineData("Die KHBh hat Anleihen begeben.", "KHBh")]
    [InlineData("Gestern kündigte der Autobauer Kranich neue Werke an.", "Kranich")]
    [InlineData("Die Firma Gleisbau Krämer wächst.", "Gleisbau Krämer")]
    [InlineData("Die Steirische Landesholding zahlt.", "Steirische Landesholding")]
    [InlineData("Die Banca di Monteverde braucht Kapital.", "Banca di Monteverde")]
    [InlineData("Solvix investiert in Kärnten.", "Solvix")]
    [InlineData("Für 900 Millionen Euro hat Solvix die Sparte des Rivalen übernommen.", "Solvix")]
    [InlineData("Nach langem Zögern übernahm Solvix einen Zulieferer aus Linz.", "Solvix")]
    [InlineData("Das sagte Solvix-Chef Anna Berg am Montag.", "Solvix")]
    [InlineData("Die Solvix-Aktie fiel um drei Prozent.", "Solvix")]
    public void Find_NameNoListKnows(string sentence, string name) => Assert.Contains(name, Names(sentence));

    [Theory]
    [InlineData("Experten schätzen die Kosten auf 3 Milliarden Euro.")]
    [InlineData("Außerdem investiert die Stadt in neue Schulen.")]
    [InlineData("Das Unternehmen Gewinne zu entziehen ist verboten.")]
    [InlineData("Die KMU bekommen 300 Millionen Euro und der CEO lobt das.")]
    [InlineData("Forscher wollen die Anlage 2030 starten.")]
    [InlineData("Der Sender zeigt alle Spiele in HD und bald auch über VPN.")]
    [InlineData("Das sagte Partei-Chef Hans Berg am Montag.")]
    [InlineData("Der Konzern-Chef sprach von einem guten Jahr.")]
    public void Find_CommonNounsAndAbbreviations_AreNoNames(string sentence) => Assert.Empty(Names(sentence));
}
