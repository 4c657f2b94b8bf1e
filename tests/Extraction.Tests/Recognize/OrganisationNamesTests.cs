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

    [Fact]
    public void Find_TwoWordsBeforeAForeignConnector_OneName() =>
        Assert.Contains("Cassa Rurale di Trento", Names("Gestern zahlte die Cassa Rurale di Trento aus."));

    [Fact]
    public void Find_MiddleOfACompoundOfThreeParts_NoName() =>
        Assert.DoesNotContain("Solvix", Names("Der Ost-Solvix-Chef sprach am Montag."));

    [Theory]
    [InlineData("NASA", true)]
    [InlineData("H&M", true)]
    [InlineData("B2W", true)]
    [InlineData("KHBh", true)]
    [InlineData("E.ON", false)]
    [InlineData("A-B", false)]
    [InlineData("KhBH", false)]
    [InlineData("CEO", false)]
    [InlineData("QXZRVW", true)]
    [InlineData("QXZRVWT", false)]
    [InlineData("QZ", true)]
    [InlineData("Q", false)]
    [InlineData("NASAs", false)]
    [InlineData("QXZ1", false)]
    [InlineData("nASA", false)]
    public void IsAcronym_Examples(string word, bool expected) => Assert.Equal(expected, OrganisationNames.IsAcronym(word));

    [Theory]
    [InlineData("DeepMind", true)]
    [InlineData("OpenAI", true)]
    [InlineData("Solvix", false)]
    [InlineData("SolviX", false)]
    [InlineData("AbC", false)]
    [InlineData("Ab1Cd", false)]
    [InlineData("Ab-Cd", false)]
    [InlineData("ABcd", false)]
    [InlineData("aBcD", false)]
    [InlineData("AbCd", true)]
    [InlineData("abCd", false)]
    public void IsInnerCapital_Examples(string word, bool expected) => Assert.Equal(expected, OrganisationNames.IsInnerCapital(word));
}
