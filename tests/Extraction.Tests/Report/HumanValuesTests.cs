using Extraction.Diff;
using Extraction.Model;
using Extraction.Report;

namespace Extraction.Tests.Report;

public sealed class HumanValuesTests
{
    [Theory]
    [InlineData(3_200_000_000, 3_200_000_000, "EUR", Qualifier.Exact, "3,2 Mrd. EUR")]
    [InlineData(30_000_000_000, 30_000_000_000, "EUR", Qualifier.About, "≈ 30 Mrd. EUR")]
    [InlineData(4_600_000_000, 4_600_000_000, "USD", Qualifier.UpTo, "bis zu 4,6 Mrd. USD")]
    [InlineData(10_000_000_000, 12_000_000_000, "EUR", Qualifier.Exact, "10 bis 12 Mrd. EUR")]
    [InlineData(500_000_000, 1_200_000_000, "EUR", Qualifier.Exact, "0,5 bis 1,2 Mrd. EUR")]
    [InlineData(2_260_000_000_000, 2_260_000_000_000, "JPY", Qualifier.Exact, "2,26 Bio. JPY")]
    [InlineData(150_000, 150_000, "EUR", Qualifier.AtLeast, "mindestens 150.000 EUR")]
    [InlineData(1_234_567, 1_234_567, "CHF", Qualifier.Over, "über 1,235 Mio. CHF")]
    [InlineData(2_500_000, 2_500_000, null, Qualifier.Under, "unter 2,5 Mio. (no currency)")]
    public void Amount_Cases(decimal min, decimal max, string? currency, Qualifier q, string expected) =>
        Assert.Equal(expected, HumanValues.Amount(new Amount(min, max, currency, q)));

    [Theory]
    [InlineData(10_752, 10_752, "chip", "GH200", Qualifier.Exact, "10.752 GH200-Chips")]
    [InlineData(4_000, 4_000, "GPU", "B200", Qualifier.Over, "über 4.000 B200-GPUs")]
    [InlineData(2_688, 2_688, "node", null, Qualifier.Exact, "2.688 Knoten")]
    [InlineData(1, 1, "GPU", null, Qualifier.Exact, "1 GPU")]
    [InlineData(16_000, 18_000, "accelerator", null, Qualifier.About, "≈ 16.000 bis 18.000 Beschleuniger")]
    public void Count_Cases(long min, long max, string unit, string? model, Qualifier q, string expected) =>
        Assert.Equal(expected, HumanValues.Count(new Count(min, max, q), unit, model));

    [Fact]
    public void Field_ValueChange_ShowsBothFiguresAsPeopleWriteThem()
    {
        var o = DiffSamples.Microsoft(3_200_000_000m, "a", "01.txt");
        var n = DiffSamples.Microsoft(3_200_000m, "b", "01.txt");

        Assert.Equal(("3,2 Mrd. EUR", "3,2 Mio. EUR"), HumanValues.Field(new FieldChange(RecordDiff.Value, "3200000000", "3200000"), o, n));
        Assert.Equal(("GPUs", "Chips"), HumanValues.Field(new FieldChange(RecordDiff.Unit, "GPU", "chip"), o, n));
    }

    [Fact]
    public void Field_Sources_CountsAndNamesWhatWasGainedAndLost()
    {
        var o = DiffSamples.Microsoft(3_200_000_000m, "a", "01.txt", "02.txt");
        var n = DiffSamples.Microsoft(3_200_000_000m, "a", "02.txt", "03.txt", "04.txt", "05.txt", "06.txt");

        Assert.Equal(("2 articles", "5 articles; gained 03.txt, 04.txt, 05.txt and 1 more; lost 01.txt"),
            HumanValues.Field(new FieldChange(RecordDiff.Sources, "01.txt; 02.txt", "02.txt; 03.txt; 04.txt; 05.txt; 06.txt"), o, n));
    }
}
