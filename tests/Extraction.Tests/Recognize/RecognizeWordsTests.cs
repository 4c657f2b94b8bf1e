using System.Globalization;
using Extraction.Recognize;

namespace Extraction.Tests.Recognize;

/// <summary>
/// The words written into the patterns of the recognizers (not the lists of models/): one row per word, each a
/// short phrase whose result the word decides. Written against the survivors of the whole-folder Recognize
/// mutation run (docs/mutation.md, "Survivors outside Lexicon").
/// </summary>
public sealed class RecognizeWordsTests
{
    private static readonly HardwareRecognizer Hardware = new();
    private static readonly AmountRecognizer Amounts = new();

    private static string Counts(string text) =>
        string.Join(" + ", Hardware.Recognize(text).Select(h => $"{h.Count.Min}-{h.Count.Max} {h.Unit} '{h.Text}'"));

    private static string Money(string text) =>
        string.Join(" + ", Amounts.Recognize(text).Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.Amount.Min:G29}-{m.Amount.Max:G29} {m.Amount.Currency ?? "-"} '{m.Text}'")));

    [Theory]
    [InlineData("Äquivalente")]
    [InlineData("Äquivalenten")]
    [InlineData("Equivalents")]
    public void Recognize_ModelEquivalents_CountGpus(string word) =>
        Assert.Equal($"20000-20000 GPU '20.000 H100-{word}'", Counts($"Der Betreiber rechnet mit 20.000 H100-{word} im Jahr."));

    [Theory]
    [InlineData("„", "“")]
    [InlineData("\"", "\"")]
    public void Recognize_ModelInQuotes_CountsTheUnitAfterIt(string open, string close) =>
        Assert.Equal($"5000-5000 GPU '5.000 {open}H100{close} GPUs'", Counts($"Die Firma bestellt 5.000 {open}H100{close} GPUs."));

    [Theory]
    [InlineData("KI")]
    [InlineData("AI")]
    [InlineData("HPC")]
    [InlineData("Hochleistungs")]
    [InlineData("Rechen")]
    [InlineData("Compute")]
    // Below 100 the first part of a compound counts only when it is one of these words (else "8-Kern-CPUs" would be counts).
    public void Recognize_SmallCountBeforeAComputeCompound_Counted(string part) =>
        Assert.Equal($"48-48 chip '48 {part}-Chips'", Counts($"Das Labor erhält 48 {part}-Chips."));

    [Theory]
    [InlineData("Einheiten")]
    [InlineData("Karten")]
    [InlineData("Module")]
    [InlineData("Modulen")]
    [InlineData("Boards")]
    public void Recognize_UnitBeforeAHeadOfParts_CountsTheUnit(string head) =>
        Assert.Equal($"500-500 GPU '500 GPU-{head}'", Counts($"Im Keller stehen 500 GPU-{head}."));

    [Theory]
    [InlineData("Zoll")]
    [InlineData("Kern")]
    [InlineData("Kerne")]
    [InlineData("GB")]
    [InlineData("TB")]
    [InlineData("MB")]
    [InlineData("Jahres")]
    [InlineData("Jahre")]
    [InlineData("Jahr")]
    [InlineData("Nanometer")]
    [InlineData("Megawatt")]
    [InlineData("Gigabit")]
    [InlineData("Terabyte")]
    // A measure before the compound's head makes the figure a size ("128-Kern-Chips"), not a count.
    public void Recognize_MeasureBeforeTheHead_NoCount(string measure) =>
        Assert.Equal("", Counts($"Gezeigt wurden 128-{measure}-Chips."));

    [Theory]
    [InlineData(".")]
    [InlineData(";")]
    [InlineData(":")]
    // A stop between a suspended hyphen and a later head: the head is not shared.
    public void Recognize_SuspendedHyphenBeforeAStop_HeadNotShared(string stop) =>
        Assert.Equal("", Counts($"Das Institut bestellt 500 H100- und mehr{stop} Dann kommen B200-Beschleuniger."));

    [Theory]
    [InlineData(".")]
    [InlineData(";")]
    [InlineData(":")]
    // A stop right after the conjunction: the head is still shared (the search for it starts one token on),
    // but the count ends at its hyphen.
    public void Recognize_StopRightAfterTheConjunction_CountEndsAtItsHyphen(string stop) =>
        Assert.Equal("500-500 accelerator '500 H100-'", Counts($"Das Institut bestellt 500 H100- und{stop} B200-Beschleuniger."));

    [Theory]
    [InlineData("NVIDIA", "Nvidia")]
    [InlineData("Nvidias", "Nvidia")]
    [InlineData("Nvidia", "Nvidia")]
    public void Recognize_VendorSpelling_Normalised(string written, string vendor) =>
        Assert.Equal(vendor, Assert.Single(Hardware.Recognize($"Der Betreiber kauft 5.000 {written} H100-GPUs.")).Vendor);

    [Theory]
    // A vendor makes a generic unit specific: "Nvidia-Systeme" are servers.
    [InlineData("Das Labor kauft 12 Nvidia-Systeme.", "12-12 server '12 Nvidia-Systeme'")]
    // A model after the count names the unit, even when "Zahl der Server ... auf" stands before it.
    [InlineData("Die Zahl der Server steigt auf 5.000 H100.", "5000-5000 GPU '5.000 H100'")]
    public void Recognize_VendorOrModelDecides(string text, string expected) => Assert.Equal(expected, Counts(text));

    [Theory]
    [InlineData("neue", true)]
    [InlineData("neuen", true)]
    [InlineData("weiterer", true)]
    [InlineData("neues", true)]
    [InlineData("neuem", true)]
    [InlineData("kauft", false)]
    [InlineData("bestellt", false)]
    [InlineData("neu", false)]
    [InlineData("Neue", false)]
    public void IsAdjectiveLike_ByEnding(string word, bool expected) => Assert.Equal(expected, AmountRecognizer.IsAdjectiveLike(word));

    [Theory]
    [InlineData("millions", "1500000000")]
    [InlineData("billion", "1500000000000")]
    [InlineData("billions", "1500000000000")]
    [InlineData("trillion", "1500000000000000")]
    [InlineData("bn", "1500000000000")]
    [InlineData("mn", "1500000000")]
    // After an English scale word "1,500" is one thousand five hundred, not one and a half.
    public void Recognize_EnglishScaleWord_CommaGroupsThousands(string scale, string value)
    {
        var found = Assert.Single(Amounts.Recognize($"The fund has 1,500 {scale} dollars."));
        Assert.Equal(value, found.Amount.Min.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Recognize_AnzahlBeforeAFigure_NoAmount() =>
        Assert.Equal("", Money("Die Anzahl der Einwohner stieg auf 4,1 Millionen."));

    [Theory]
    [InlineData("Schweizer Franken", "CHF")]
    [InlineData("britische Pfund", "GBP")]
    [InlineData("britischen Pfund", "GBP")]
    [InlineData("japanische Yen", "JPY")]
    [InlineData("japanischen Yen", "JPY")]
    [InlineData("chinesische Yuan", "CNY")]
    [InlineData("chinesischen Yuan", "CNY")]
    [InlineData("südkoreanische Won", "KRW")]
    [InlineData("südkoreanischen Won", "KRW")]
    [InlineData("indische Rupien", "INR")]
    [InlineData("indischen Rupien", "INR")]
    [InlineData("US-amerikanische Dollar", "USD")]
    [InlineData("US-amerikanischen Dollar", "USD")]
    [InlineData("US-amerikanischer Dollar", "USD")]
    [InlineData("kanadische dollar", "CAD")]
    [InlineData("kanadische dollars", "CAD")]
    public void Recognize_CurrencyNamedWithItsCountry(string currency, string code) =>
        Assert.Equal($"5000000-5000000 {code} '5 Millionen {currency}'", Money($"Das Projekt kostet 5 Millionen {currency}."));

    [Theory]
    [InlineData("halben", 0.5)]
    [InlineData("halbe", 0.5)]
    [InlineData("anderthalb", 1.5)]
    [InlineData("eineinhalb", 1.5)]
    [InlineData("einundzwanzig", 21)]
    public void TryParseWord_Halves(string word, double value)
    {
        Assert.True(GermanNumbers.TryParseWord(word, out var parsed));
        Assert.Equal((decimal)value, parsed);
    }

    [Theory]
    [InlineData("eineundzwanzig")]
    [InlineData("einerundzwanzig")]
    [InlineData("einemundzwanzig")]
    [InlineData("einenundzwanzig")]
    [InlineData("einesundzwanzig")]
    [InlineData("einsundzwanzig")]
    public void TryParseWord_InflectedEinBeforeUnd_NoNumber(string word) =>
        Assert.False(GermanNumbers.TryParseWord(word, out _));
}
