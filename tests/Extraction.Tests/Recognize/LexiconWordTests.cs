using System.Globalization;
using Extraction.Recognize;

namespace Extraction.Tests.Recognize;

/// <summary>
/// The closed word classes of <c>Lexicon</c> one word at a time: scales, qualifiers and the verbs whose "über" is a
/// preposition, hardware unit nouns and compound heads, vendors and model names. One row per word, each a phrase in
/// which that word changes what is recognised. Written against the surviving mutants of the whole-folder Recognize
/// run (docs/mutation.md, "Lexicon's survivors").
/// </summary>
public sealed class LexiconWordTests
{
    private static readonly AmountRecognizer Amounts = new();
    private static readonly HardwareRecognizer Hardware = new();

    private static string Money(string text) =>
        string.Join(" + ", Amounts.Recognize(text).Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.Amount.Qualifier} {m.Amount.Min:G29} {m.Amount.Currency ?? "-"} '{m.Text}'")));

    private static string Counts(string text) =>
        string.Join(" + ", Hardware.Recognize(text).Select(h =>
            $"{h.Count.Qualifier} {h.Count.Min} {h.Unit} {h.Vendor ?? "-"} {h.HardwareModel ?? "-"} '{h.Text}'"));

    [Theory]
    [InlineData("Bill", "3000000000000")]
    [InlineData("trillions", "3000000000000")]
    [InlineData("Trillion", "3000000000000")]
    [InlineData("billions", "3000000000")]
    [InlineData("Bn", "3000000000")]
    [InlineData("bln", "3000000000")]
    [InlineData("Mill", "3000000")]
    [InlineData("millions", "3000000")]
    [InlineData("mn", "3000000")]
    [InlineData("Mn", "3000000")]
    [InlineData("tausend", "3000")]
    [InlineData("thousand", "3000")]
    public void Recognize_ScaleWord_MultipliesTheFigure(string scale, string value) =>
        Assert.Equal($"Exact {value} EUR '3 {scale} Euro'", Money($"Der Fonds erhält 3 {scale} Euro."));

    [Theory]
    // The abbreviations keep their full stop inside the amount.
    [InlineData("Mill", "3000000")]
    [InlineData("Bill", "3000000000000")]
    public void Recognize_AbbreviatedScaleWithFullStop_TakesTheStop(string scale, string value) =>
        Assert.Equal($"Exact {value} EUR '3 {scale}. Euro'", Money($"Der Fonds erhält 3 {scale}. Euro."));

    [Theory]
    [InlineData("Der Bau kostet zirka. 3 Millionen Euro.", "About 3000000 EUR 'zirka. 3 Millionen Euro'")]
    [InlineData("Der Bau kostet max. 3 Millionen Euro.", "UpTo 3000000 EUR 'max. 3 Millionen Euro'")]
    // An intensifier before "weniger als" belongs to the qualifier.
    [InlineData("Der Bau kostet deutlich weniger als 3 Millionen Euro.", "Under 3000000 EUR 'deutlich weniger als 3 Millionen Euro'")]
    [InlineData("Der Bau kostet an die 3 Millionen Euro.", "About 3000000 EUR 'an die 3 Millionen Euro'")]
    // "schätzungsweise", the longest qualifier word (15 letters), is still compared.
    [InlineData("Der Bau kostet schätzungsweise 3 Millionen Euro.", "About 3000000 EUR 'schätzungsweise 3 Millionen Euro'")]
    // A qualifier in capitals is lower-cased before it is compared.
    [InlineData("Der Bau kostet RUND 3 Millionen Euro.", "About 3000000 EUR 'RUND 3 Millionen Euro'")]
    // A glued bracket before the qualifier is no abbreviation's full stop.
    [InlineData("Die Kosten (rund 3 Millionen Euro) trägt das Land.", "About 3000000 EUR 'rund 3 Millionen Euro'")]
    // A noun before "rund" does not make it a preposition (only before "über").
    [InlineData("Die Kosten trägt der Bund rund 3 Millionen Euro.", "About 3000000 EUR 'rund 3 Millionen Euro'")]
    public void Recognize_QualifierWord_QualifiesTheAmount(string text, string expected) => Assert.Equal(expected, Money(text));

    [Theory]
    // A noun before "über" makes it the preposition ("ein Kredit über"): the amount is exact.
    [InlineData("Ein Kredit über 500 Millionen Euro.", "Exact 500000000 EUR '500 Millionen Euro'")]
    [InlineData("Ein Kredit über 500 Euro.", "Exact 500 EUR '500 Euro'")]
    // At the start of a sentence a capitalised word is no noun to go by: "über" is "more than".
    [InlineData("Weltweit über 500 Millionen Euro.", "Over 500000000 EUR 'über 500 Millionen Euro'")]
    // A verb that takes "über" at the start of the text.
    [InlineData("Verfügt über 500 Millionen Euro.", "Exact 500000000 EUR '500 Millionen Euro'")]
    public void Recognize_UeberAfterANounOrVerb_IsThePreposition(string text, string expected) => Assert.Equal(expected, Money(text));

    [Theory]
    [InlineData("spricht")]
    [InlineData("sprach")]
    [InlineData("sprechen")]
    [InlineData("berichtet")]
    [InlineData("berichten")]
    [InlineData("berichtete")]
    [InlineData("informiert")]
    [InlineData("streiten")]
    [InlineData("stritten")]
    public void Recognize_SpeechVerbBeforeUeber_AmountIsExact(string verb) =>
        Assert.Equal("Exact 500000000 EUR '500 Millionen Euro'", Money($"Die Partner {verb} über 500 Millionen Euro."));

    [Theory]
    [InlineData("Grafikprozessor", "GPU")]
    [InlineData("Grafikkarte", "GPU")]
    [InlineData("Grafikchips", "GPU")]
    [InlineData("Grafikchip", "GPU")]
    [InlineData("Grafikeinheiten", "GPU")]
    [InlineData("Chip", "chip")]
    [InlineData("Superchip", "chip")]
    [InlineData("Prozessoren", "chip")]
    [InlineData("Prozessor", "chip")]
    [InlineData("CPU", "chip")]
    [InlineData("CPUs", "chip")]
    [InlineData("Beschleunigern", "accelerator")]
    [InlineData("Accelerators", "accelerator")]
    [InlineData("Accelerator", "accelerator")]
    [InlineData("Beschleunigerkarten", "accelerator")]
    [InlineData("Servern", "server")]
    [InlineData("Serversysteme", "server")]
    [InlineData("Rack", "rack")]
    [InlineData("Serverracks", "rack")]
    [InlineData("Serverschränke", "rack")]
    [InlineData("Serverschränken", "rack")]
    [InlineData("Knoten", "node")]
    [InlineData("Nodes", "node")]
    [InlineData("Node", "node")]
    // Compound heads: "-beschleuniger(n)", "-grafikkarten", and a word of eight letters.
    [InlineData("Spezialbeschleuniger", "accelerator")]
    [InlineData("Spezialbeschleunigern", "accelerator")]
    [InlineData("Profigrafikkarten", "GPU")]
    [InlineData("Webchips", "chip")]
    public void Recognize_UnitNoun_CountsThatUnit(string noun, string unit) =>
        Assert.Equal($"Exact 500 {unit} - - '500 {noun}'", Counts($"Das Labor hat 500 {noun}."));

    [Theory]
    // A compound head needs a capital letter and eight letters or more.
    [InlineData("Das Labor hat 500 superchips.")]
    [InlineData("Das Labor hat 500 Xchips.")]
    // A long capitalised noun with no unit head.
    [InlineData("Das Labor hat 500 Mitarbeiter.")]
    // The generic "Systemen" without a vendor or model is no hardware.
    [InlineData("Das Labor arbeitet mit 500 Systemen.")]
    public void Recognize_NoUnitNoun_NoCount(string text) => Assert.Equal("", Counts(text));

    [Fact]
    public void Recognize_GenericUnitWithModel_CountsServers() =>
        Assert.Equal("Exact 500 server - - '500 DGX-Systemen'", Counts("Das Labor arbeitet mit 500 DGX-Systemen."));

    [Theory]
    [InlineData("Google", "Google")]
    [InlineData("Huawei", "Huawei")]
    [InlineData("Nvidias", "Nvidia")]
    [InlineData("Cerebras", "Cerebras")]
    [InlineData("Graphcore", "Graphcore")]
    [InlineData("Qualcomm", "Qualcomm")]
    [InlineData("Apple", "Apple")]
    [InlineData("Tenstorrent", "Tenstorrent")]
    public void Recognize_VendorBeforeGenericSystems_CountsServers(string vendor, string normalised) =>
        Assert.Equal($"Exact 500 server {normalised} - '500 {vendor} Systeme'", Counts($"Das Labor hat 500 {vendor} Systeme."));

    [Theory]
    [InlineData("Hopper")]
    [InlineData("Rubin")]
    [InlineData("Grace")]
    [InlineData("Gaudi2")]
    // Three characters, the shortest model; eight, the longest; four digits, the most.
    [InlineData("H20")]
    [InlineData("RTX4090D")]
    [InlineData("RTX4090")]
    public void Recognize_ModelBeforeGenericSystems_CountsServers(string model) =>
        Assert.Equal($"Exact 500 server - {model} '500 {model} Systeme'", Counts($"Das Labor hat 500 {model} Systeme."));

    [Theory]
    // A bare model at the end of the phrase names its unit ...
    [InlineData("Das Labor hat 500 Gaudi2.", "Exact 500 accelerator - Gaudi2 '500 Gaudi2'")]
    [InlineData("Das Labor hat 500 Gaudi3.", "Exact 500 accelerator - Gaudi3 '500 Gaudi3'")]
    [InlineData("Das Labor hat 500 Blackwell.", "Exact 500 GPU - Blackwell '500 Blackwell'")]
    [InlineData("Das Labor hat 500 Hopper.", "Exact 500 GPU - Hopper '500 Hopper'")]
    [InlineData("Das Labor hat 500 Rubin.", "Exact 500 GPU - Rubin '500 Rubin'")]
    // ... only a family it knows: "Z80" (a letter, then a digit) is no GPU.
    [InlineData("Das Labor hat 500 Z80.", "")]
    public void Recognize_BareModel_ItsFamilyOrNothing(string text, string expected) => Assert.Equal(expected, Counts(text));
}
