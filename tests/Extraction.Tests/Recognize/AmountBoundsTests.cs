using System.Globalization;
using Extraction.Model;
using Extraction.Recognize;
using Extraction.Text;

namespace Extraction.Tests.Recognize;

/// <summary>
/// The bounds of reading a money figure: which ranges pair two figures (by scale and currency), English thousands
/// commas, digit groups split by plain spaces, the largest figure, and a scale read at the edges of the text.
/// Each case was written against a surviving mutant of the Recognize mutation run (docs/mutation.md).
/// </summary>
public sealed class AmountBoundsTests
{
    private static readonly AmountRecognizer Amounts = new();

    private static string Found(string text) =>
        string.Join(" + ", Amounts.Recognize(text).Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.Amount.Min:G29}-{m.Amount.Max:G29} {m.Amount.Currency ?? "-"} '{m.Text}'")));

    [Theory]
    // A currency before the first figure makes two bare figures a range ...
    [InlineData("Kaufpreis: € 30.000 bis 40.000.", "30000-40000 EUR '€ 30.000 bis 40.000'")]
    // ... also before "zwischen", whose figure is the second token after the currency.
    [InlineData("Kaufpreis: CHF zwischen 300.000 und 400.000.", "300000-400000 CHF 'CHF zwischen 300.000 und 400.000'")]
    // Without any currency two bare figures are no money at all.
    [InlineData("Die Halle fasst zwischen 300.000 und 400.000 Besucher.", "")]
    public void Recognize_RangeOfBareFigures_NeedsACurrency(string text, string expected) => Assert.Equal(expected, Found(text));

    [Theory]
    // A scale on one end only (here the weak glued "k") pairs nothing, even with a currency after the range:
    // the scaled figure stands alone.
    [InlineData("Die Spende liegt zwischen 5 und 10k Dollar.", "10000-10000 USD '10k Dollar'")]
    [InlineData("Die Spende liegt zwischen 5k und 10k Dollar.", "10000-10000 USD '10k Dollar'")]
    [InlineData("Der Zuschuss sinkt von 3 Millionen bis 4 Euro.", "3000000-3000000 - '3 Millionen' + 4-4 EUR '4 Euro'")]
    public void Recognize_RangeWithAScaleOnOneEndOnly_NoRange(string text, string expected) => Assert.Equal(expected, Found(text));

    [Theory]
    // Groups of three after each comma are English thousands ...
    [InlineData("Die Firma erhielt $1,500 von der Stiftung.", "1500-1500 USD '$1,500'")]
    // ... anything else after the comma is a German decimal part, even after "$".
    [InlineData("Die Firma erhielt $1,5000000 von der Stiftung.", "1.5-1.5 USD '$1,5000000'")]
    [InlineData("Die Firma erhielt $1,500,0000 von der Stiftung.", "")]
    public void Recognize_EnglishCommaGrouping_OnlyGroupsOfThree(string text, string expected) => Assert.Equal(expected, Found(text));

    [Theory]
    // A decimal part ends the figure; more digits after it make the groups no figure, only the first token is read.
    [InlineData("1 000,50 250", "1", 1)]
    [InlineData("1 000,50", "1000.50", 2)]
    // A phone number's tail: a short group after the groups makes them no figure.
    [InlineData("123 456 78", "123", 1)]
    [InlineData("123 456", "123456", 2)]
    // The largest figure (10^15) is read, one more is not; neither is one group more.
    [InlineData("1 000 000 000 000 000", "1000000000000000", 6)]
    [InlineData("1 000 000 000 000 001", "1", 1)]
    [InlineData("100 000 000 000 000 000 000", "100", 1)]
    public void TryReadFigure_SpaceGroups_ReadToTheirBounds(string text, string value, int next)
    {
        Assert.True(AmountRecognizer.TryReadFigure(Tokenizer.Tokenize(text), 0, out var read, out var after));
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), read);
        Assert.Equal(next, after);
    }

    [Fact]
    public void ReadScale_AtTheFirstToken_ReadsNothing()
    {
        // A scale needs a figure before it: at index 0 there is none (nor a token before to glue it to).
        var tokens = Tokenizer.Tokenize("Milliarden Euro");
        Assert.Equal(0, AmountRecognizer.ReadScale(tokens, 0, 2m, out var scale, out var weak));
        Assert.Null(scale);
        Assert.False(weak);
        Assert.Equal(2, AmountRecognizer.ReadScale(tokens, 2, 2m, out scale, out _));
        Assert.Null(scale);
    }

    [Theory]
    // A hyphen that ends the text after a figure (a school grade "2-") is no "20-Milliarden-" compound.
    [InlineData("Die Note: 2-", "")]
    [InlineData("Die Note: 2- für 5 Euro", "5-5 EUR '5 Euro'")]
    public void Recognize_HyphenAtTheEnd_NoScaleAndNoError(string text, string expected)
    {
        Assert.Equal(expected, Found(text));
        Assert.Empty(new HardwareRecognizer().Recognize(text));
    }

    [Theory]
    [InlineData("mehrere")]
    [InlineData("mehreren")]
    [InlineData("einige")]
    [InlineData("einigen")]
    [InlineData("etliche")]
    [InlineData("etlichen")]
    [InlineData("viele")]
    [InlineData("vielen")]
    [InlineData("paar")]
    [InlineData("wenige")]
    [InlineData("wenigen")]
    public void Recognize_VagueQuantifierBeforeANumberWord_NoAmount(string quantifier)
    {
        // "ein paar Hundert Millionen Euro" is a magnitude, not an amount; a figure in digits after the word is one.
        Assert.Equal("", Found($"Der Verein sammelt {quantifier} Hundert Millionen Euro ein."));
        Assert.Equal("300000000-300000000 EUR '300 Millionen Euro'", Found($"Der Verein sammelt {quantifier} 300 Millionen Euro ein."));
    }

    [Theory]
    // "Zahl" up to ten tokens before a figure without a currency makes it a count of something, not money.
    [InlineData("Die Zahl der Einwohner im Land stieg nach der Zählung auf 4,1 Millionen.", "")]
    [InlineData("Die Zahl der Einwohner im Land stieg nach der neuen Zählung auf 4,1 Millionen.", "4100000-4100000 - '4,1 Millionen'")]
    public void Recognize_ZahlBeforeAFigure_TenTokensAtMost(string text, string expected) => Assert.Equal(expected, Found(text));
}
