using Extraction.Facts;
using Extraction.Recognize;
using Extraction.Text;

namespace Extraction.Tests.Recognize;

/// <summary>
/// The bounds of <see cref="OrganisationNames"/>: a text that ends right after a name or inside a pattern (no error,
/// no name made up), the word counts of a name after a company noun and of a Romance name, and the words that
/// decide a pattern. Written against the survivors of the whole-folder Recognize mutation run (docs/mutation.md).
/// </summary>
public sealed class OrganisationBoundsTests
{
    private static string Names(string text)
    {
        var found = new List<ActorMention>();
        new OrganisationNames().Find(text, Tokenizer.Tokenize(text), found);
        return string.Join(" | ", found.Select(m => m.Canonical));
    }

    [Theory]
    // Texts (headlines, cut snippets) that end on the word a pattern looks past.
    [InlineData("Geld für die Steirische", "")]
    [InlineData("Mehr dazu bei Solvix", "")]
    [InlineData("Mehr dazu bei Solvix-", "")]
    [InlineData("Danach übernahm Solvix", "")]
    [InlineData("Gesucht wird die Firma Solvix", "Solvix")]
    [InlineData("Das Geld kommt von der Banca di", "")]
    [InlineData("Grüße von Banca Popolare di", "")]
    [InlineData("Solvix investiert", "")]
    public void Find_TextEndsInsideAPattern_NoErrorAndNoName(string text, string expected) => Assert.Equal(expected, Names(text));

    [Theory]
    // A name after a company noun takes at most three capitalised words, and no verb after them.
    [InlineData("Die Firma Alpha Beta Gamma Delta wächst.", "Alpha Beta Gamma")]
    [InlineData("Die Firma Solvix wächst.", "Solvix")]
    // A single capital letter is no word of a name.
    [InlineData("Die Firma Solvix A wächst.", "Solvix")]
    public void Find_NameAfterACompanyNoun_ToItsLastCapitalisedWord(string text, string expected) => Assert.Equal(expected, Names(text));

    [Theory]
    // Two capitalised words before the connector: the whole Romance name, wherever it stands.
    [InlineData("Das Geld kam von der Banca Popolare di Sondrio.", "Banca Popolare di Sondrio")]
    // Lower case before the connector is no name.
    [InlineData("Das Geld kam von der banca di Sondrio.", "")]
    public void Find_RomanceName(string text, string expected) => Assert.Equal(expected, Names(text));

    [Theory]
    // A verb second at the third token: the word after it, before an article, is the subject.
    [InlineData("Danach übernahm Solvix die Sparte.", "Solvix")]
    // The first word before a verb: three letters are enough, two are not.
    [InlineData("Axo investiert in Linz.", "Axo")]
    [InlineData("Bo investiert in Linz.", "")]
    // A two-letter acronym is a name.
    [InlineData("Der Hersteller LG baut ein Werk.", "LG")]
    // The part before "-Chef" after an opening bracket is still a name; a word ending like a common noun is none.
    [InlineData("Das Zitat (Solvix-Chef Anna Berg) fiel am Montag.", "Solvix")]
    [InlineData("Das sagte der Bäcker-Chef am Montag.", "")]
    // Only a place adjective before an institution noun makes a name.
    [InlineData("Laut Landesholding steigt der Gewinn.", "")]
    [InlineData("Laut Burgenländische Landesholding steigt der Gewinn.", "Burgenländische Landesholding")]
    [InlineData("Laut Burgenländischen Landesholding steigt der Gewinn.", "Burgenländischen Landesholding")]
    [InlineData("Laut Steirischen Landesholding steigt der Gewinn.", "Steirischen Landesholding")]
    public void Find_WordsThatDecide(string text, string expected) => Assert.Equal(expected, Names(text));
}
