using Extraction.Recognize;
using FsCheck.Xunit;

namespace Extraction.Tests.Recognize;

/// <summary>The fast checks of recognition agree with their definitions.</summary>
public sealed class FastScanTests
{
    private static readonly string[] Endings =
    [
        "ein", "eins", "eine", "einer", "einem", "einen", "eines", "zwei", "zweier", "drei", "dreier", "vier", "fünf", "sechs",
        "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zig", "ßig", "ssig", "hundert", "tausend", "halb", "halbe", "halben",
    ];

    // Letters of the endings in both cases, others, digits, and letters whose case rules differ (Kelvin sign, dotless i, long s).
    private const string Alphabet = "einsEINSzwrdvfüÜnhachtlögßẞSIGbuHALBxyKq0-\u212A\u0131\u017F\u0130";

    [Property(MaxTest = 2000)]
    public bool MayBeNumberWord_AnyWord_AgreesWithTheEndings(byte[] picks, byte ending, bool withEnding)
    {
        var word = new string(picks.Select(p => Alphabet[p % Alphabet.Length]).ToArray());
        if (withEnding)
        {
            word += Endings[ending % Endings.Length];
        }

        return GermanNumbers.MayBeNumberWord(word) == Reference(word)
            && GermanNumbers.MayBeNumberWord(word.ToUpperInvariant()) == Reference(word.ToUpperInvariant());
    }

    [Theory]
    [InlineData("fünfundzwanzig", true)]
    [InlineData("FÜNF", true)]
    [InlineData("Zweihundert", true)]
    [InlineData("dreißig", true)]
    [InlineData("Investitionen", false)]
    [InlineData("H100", false)]
    [InlineData("ein", true)]
    [InlineData("in", false)]
    public void MayBeNumberWord_Examples(string word, bool expected) => Assert.Equal(expected, GermanNumbers.MayBeNumberWord(word));

    // The definition: three to a hundred characters ending, ignoring case, in a number word's ending
    // whose last letter is the word's last letter in lower case.
    private static bool Reference(string word) =>
        word.Length is >= 3 and <= 100
        && Endings.Any(e => e[^1] == char.ToLowerInvariant(word[^1]) && word.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("Die Regierung will bis 2030 rund 20 Milliarden Euro investieren.")]
    [InlineData("Im Herbst sollen zweihundert Nvidia H100 GPUs und eine halbe Milliarde Dollar folgen.")]
    [InlineData("Der Konzern nannte keine Zahlen.")]
    [InlineData("Mit 100 000 Chips und 3 500 000 Euro, je vier GPUs pro Knoten.")]
    [InlineData("")]
    public void Recognize_FromFirstFigure_FindsWhatTheWholeScanFinds(string text)
    {
        var tokens = Extraction.Text.Tokenizer.Tokenize(text);
        var first = AmountRecognizer.FirstFigure(tokens);

        Assert.Equal(new AmountRecognizer().Recognize(text, tokens), new AmountRecognizer().Recognize(text, tokens, first));
        Assert.Equal(new HardwareRecognizer().Recognize(text, tokens), new HardwareRecognizer().Recognize(text, tokens, first));
        Assert.All(Enumerable.Range(0, first), i => Assert.False(AmountRecognizer.TryFigure(tokens, i, out _)));
    }
}
