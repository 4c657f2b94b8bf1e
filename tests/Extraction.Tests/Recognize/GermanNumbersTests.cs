using System.Globalization;
using Extraction.Recognize;

namespace Extraction.Tests.Recognize;

/// <summary>Figures in digits and written-out numbers: what is read, and what is refused.</summary>
public sealed class GermanNumbersTests
{
    [Theory]
    [InlineData("100.000", "100000")]
    [InlineData("1.000.000,5", "1000000.5")]
    [InlineData("8,6", "8.6")]
    [InlineData("5.5", "5.5")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1,234.5", "1234.5")]
    [InlineData("1,234,567", "1234567")]
    [InlineData("100\u00A0000", "100000")]
    [InlineData("2\u202F500\u2009000", "2500000")]
    public void TryParseDigits_Figure_Read(string s, string expected)
    {
        Assert.True(GermanNumbers.TryParseDigits(s, out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12a")]
    [InlineData("1-2")]
    [InlineData("1,23,4")]
    [InlineData("12,3456,789")]
    [InlineData("1.2.3")]
    [InlineData("1.23.456")]
    public void TryParseDigits_NoFigure_Refused(string s) => Assert.False(GermanNumbers.TryParseDigits(s, out _));

    [Fact]
    public void TryParseDigits_SixtyFourCharactersAtMost()
    {
        Assert.True(GermanNumbers.TryParseDigits(new string('0', 63) + "7", out var value));
        Assert.Equal(7m, value);
        Assert.False(GermanNumbers.TryParseDigits(new string('0', 64) + "7", out _));
    }

    [Theory]
    [InlineData("tausend", "1000")]
    [InlineData("zweitausend", "2000")]
    [InlineData("dreitausendvier", "3004")]
    [InlineData("hundert", "100")]
    [InlineData("zweihundertfünf", "205")]
    [InlineData("zweihundertundzwölf", "212")]
    [InlineData("hundertzwanzig", "120")]
    [InlineData("Einundzwanzig", "21")]
    [InlineData("dreieinhalb", "3.5")]
    [InlineData("anderthalb", "1.5")]
    [InlineData("halbe", "0.5")]
    public void TryParseWord_NumberWord_Read(string word, string expected)
    {
        Assert.True(GermanNumbers.TryParseWord(word, out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("Quertausend")]
    [InlineData("zweitausendquerdrei")]
    [InlineData("Querhundert")]
    [InlineData("zweihundertquerdrei")]
    [InlineData("zehnhundert")]
    [InlineData("eineundzwanzig")]
    [InlineData("Verein")]
    [InlineData("Leipzig")]
    public void TryParseWord_WordEndingLikeANumber_Refused(string word) => Assert.False(GermanNumbers.TryParseWord(word, out _));
}
