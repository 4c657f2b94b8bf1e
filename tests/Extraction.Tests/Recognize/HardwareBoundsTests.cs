using Extraction.Recognize;

namespace Extraction.Tests.Recognize;

/// <summary>
/// The bounds of a hardware count whose unit is named before it ("Zahl der Server ... auf 4.000") and of a list
/// of suspended hyphens. Each case was written against a surviving mutant of the Recognize mutation run
/// (docs/mutation.md).
/// </summary>
public sealed class HardwareBoundsTests
{
    private static readonly HardwareRecognizer Hardware = new();

    private static string Found(string text) =>
        string.Join(" + ", Hardware.Recognize(text).Select(h => $"{h.Count.Min}-{h.Count.Max} {h.Unit} '{h.Text}'"));

    [Theory]
    // "auf" at the third token: the unit stands between it and "Anzahl" (a headline without article).
    [InlineData("Anzahl GPUs auf 20.000 erhöht", "20000-20000 GPU '20.000'")]
    // At most three small words between "auf" and the count.
    [InlineData("Die Zahl der Server steigt auf gut 4.000.", "4000-4000 server 'gut 4.000'")]
    [InlineData("Die Zahl der Server steigt auf bald weit mehr als 4.000.", "")]
    // A capitalised word between "auf" and the figure makes the figure something else's ("Ebene 3").
    [InlineData("Die Zahl der Server steigt auf Ebene 3.", "")]
    [InlineData("Die Zahl der Server steigt auf 12 in Ebene 3.", "12-12 server '12'")]
    public void Recognize_UnitNamedBeforeAuf_WithinItsBounds(string text, string expected) => Assert.Equal(expected, Found(text));

    [Theory]
    // The shared head 15 tokens after the suspended hyphen: the count runs to it.
    [InlineData("Das Institut bestellt 500 H100- und dazu in einem zweiten Schritt im kommenden Herbst noch viele weitere B200-Beschleuniger.",
        "500-500 accelerator '500 H100- und dazu in einem zweiten Schritt im kommenden Herbst noch viele weitere B200-Beschleuniger'")]
    // One token further (the head where the search for the shared head still sees it, the search for the end
    // no longer): the count ends at its own hyphen.
    [InlineData("Das Institut bestellt 500 H100- und dazu in einem zweiten Schritt im kommenden Herbst noch sehr viele weitere B200-Beschleuniger.",
        "500-500 accelerator '500 H100-'")]
    public void Recognize_SuspendedHyphen_EndsAtTheSharedHeadOrItsHyphen(string text, string expected) =>
        Assert.Equal(expected, Found(text));

    [Theory]
    [InlineData("der")]
    [InlineData("ihrer")]
    [InlineData("seiner")]
    [InlineData("dieser")]
    [InlineData("jener")]
    [InlineData("unserer")]
    [InlineData("deren")]
    [InlineData("dessen")]
    public void Recognize_PartitiveDeterminerAfterTheCount_CountsTheUnit(string determiner) =>
        Assert.Equal($"5000-5000 server '5.000 {determiner} Server'", Found($"Die Firma betreibt 5.000 {determiner} Server."));

    [Theory]
    [InlineData("und")]
    [InlineData("oder")]
    [InlineData("sowie")]
    [InlineData("bzw")]
    public void Recognize_SuspendedHyphenBeforeAConjunction_SharesTheHead(string conjunction) =>
        Assert.Equal($"500-500 accelerator '500 H100- {conjunction} B200-Beschleuniger'",
            Found($"Das Institut bestellt 500 H100- {conjunction} B200-Beschleuniger."));
}
