using Extraction.Facts;
using Extraction.Pipeline;
using Extraction.Text;
using FsCheck.Xunit;

namespace Extraction.Tests.Facts;

/// <summary>The cue look-ups by bit agree with the look-up by set name.</summary>
public sealed class CueLexiconTests
{
    private static readonly CueLexicon Cues = CueLexicon.Load(ModelFiles.Embedded);
    private static readonly string[] Sets = ["positive", "negative", "government", "coref", "round", "subsidy"];

    private const string Sample =
        "Die Bundesregierung investiert 5 Milliarden Euro; der Bund und das Wirtschaftsministerium fördern Rechenzentren. " +
        "Er sagte, die Finanzierungsrunde bringe Zuschüsse, Subventionen und Kosten. STAAT, Regierung, regierungen, Es, man, Investitionsvolumen.";

    [Fact]
    public void Mask_SampleTokens_AgreesWithIs()
    {
        foreach (var token in Tokenizer.Tokenize(Sample))
        {
            foreach (var set in Sets)
            {
                Assert.Equal(Cues.Is(set, token), (Cues.Mask(token) & Cues.Bit(set)) != 0);
                Assert.Equal(Cues.Mask(token) & Cues.Bit(set), Cues.Mask(token, Cues.Bit(set)));
            }
        }
    }

    [Fact]
    public void Bit_UnknownSet_IsZero() => Assert.Equal(0, Cues.Bit("no such set"));

    [Property(MaxTest = 500)]
    public bool Mask_WithBits_IsTheMaskOfThoseSets(byte[] picks, int bits)
    {
        const string Alphabet = "abdefgimnorstuzäöüßBRSFEK";
        var word = new string(picks.Select(p => Alphabet[p % Alphabet.Length]).ToArray());
        var token = new Token(TokenKind.Word, 0, word.Length, word);
        bits &= 0x3F;

        return Cues.Mask(token, bits) == (Cues.Mask(token) & bits);
    }
}
