using Extraction.Export;
using Extraction.Model;

namespace Extraction.Tests.Export;

public sealed class HumanFormatTests
{
    [Theory]
    [InlineData(2_500_000_000, 2_500_000_000, "EUR", "2,5 Mrd. EUR")]
    [InlineData(16_000_000_000, 18_000_000_000, "USD", "16 bis 18 Mrd. USD")]
    [InlineData(500_000_000, 1_000_000_000, "EUR", "0,5 bis 1 Mrd. EUR")]
    [InlineData(750_000, 750_000, "EUR", "750.000 EUR")]
    [InlineData(12_000_000, 12_000_000, "CHF", "12 Mio. CHF")]
    [InlineData(1_234_500_000_000, 1_234_500_000_000, "JPY", "1,235 Bio. JPY")]
    [InlineData(300_000_000, 300_000_000, null, "300 Mio.")]
    [InlineData(999, 999, "EUR", "999 EUR")]
    public void Amount_GermanScaleWords(long min, long max, string? currency, string expected) =>
        Assert.Equal(expected, HumanFormat.Amount(new Amount(min, max, currency, Qualifier.Exact)));

    [Fact]
    public void Amount_DecimalBaseUnits_RoundedToThreeDecimalsOfTheScale() =>
        Assert.Equal("8,625 Mrd. EUR", HumanFormat.Amount(new Amount(8_625_000_000.4m, 8_625_000_000.4m, "EUR", Qualifier.About)));

    [Theory]
    [InlineData(100_000, 100_000, "GPU", "H100", "100.000 GPU (H100)")]
    [InlineData(500, 600, "server", null, "500 bis 600 server")]
    [InlineData(1_200_000, 1_200_000, "chip", null, "1.200.000 chip")]
    public void Count_DigitsGroupedWithUnitAndModel(long min, long max, string unit, string? model, string expected) =>
        Assert.Equal(expected, HumanFormat.Count(new Count(min, max, Qualifier.Exact), unit, model));

    [Fact]
    public void Of_NeitherAmountNorCount_Empty() => Assert.Equal("", HumanFormat.Of(null, null, null, null));
}
