using System.Globalization;
using Extraction.Model;
using Extraction.Recognize;

namespace Extraction.Tests.Recognize;

/// <summary>Runs every row of phrases.tsv through both recognizers and compares a one-line description of what they found.</summary>
public sealed class PhraseTableTests
{
    private static readonly AmountRecognizer Amounts = new();
    private static readonly HardwareRecognizer Hardware = new();

    public static TheoryData<string, string, string, string, string, string, string, string> Rows() => PhraseTable.Rows();

    [Theory]
    [MemberData(nameof(Rows))]
    public void Recognize_TablePhrase_FindsExpectedMention(
        string phrase, string kind, string min, string max, string currencyOrUnit, string qualifier, string model, string text)
    {
        var checkText = text != "-";
        var expected = kind switch
        {
            "money" => Money(PhraseTable.ParseAmount(min), PhraseTable.ParseAmount(max), currencyOrUnit, qualifier, checkText ? text : null),
            "hardware" => Hw(long.Parse(min, CultureInfo.InvariantCulture), long.Parse(max, CultureInfo.InvariantCulture),
                currencyOrUnit, qualifier, model, checkText ? text : null),
            "none" => "(nothing)",
            _ => throw new InvalidDataException($"unknown kind '{kind}' for: {phrase}"),
        };

        var money = Amounts.Recognize(phrase);
        var hardware = Hardware.Recognize(phrase);
        var found = money.Select(m => Describe(m, checkText))
            .Concat(hardware.Select(h => Describe(h, checkText)))
            .ToList();
        var actual = found.Count == 0 ? "(nothing)" : string.Join(" + ", found);

        Assert.Equal(expected, actual);
        foreach (var m in money)
        {
            Assert.Equal(m.Text, phrase.Substring(m.Start, m.Length));
        }

        foreach (var h in hardware)
        {
            Assert.Equal(h.Text, phrase.Substring(h.Start, h.Length));
        }
    }

    [Fact]
    public void PhraseTable_Rows_CoverEnoughPositiveAndNegativeCases()
    {
        var rows = PhraseTable.Read();
        Assert.True(rows.Count >= 220, $"only {rows.Count} rows");
        Assert.True(rows.Count(r => r[1] == "none") >= 50, "too few negative rows");
        Assert.True(rows.Count(r => r[1] == "hardware") >= 20, "too few hardware rows");
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct(StringComparer.Ordinal).Count());
    }

    private static string Money(decimal min, decimal max, string currency, string qualifier, string? text)
    {
        var (code, evidence) = currency switch
        {
            "-" => ("-", CurrencyEvidence.Implied),
            _ when currency.EndsWith('?') => (currency[..^1], CurrencyEvidence.BareDollar),
            _ => (currency, CurrencyEvidence.Explicit),
        };
        return Line("money", min, max, $"{code} {evidence}", qualifier, text);
    }

    private static string Hw(long min, long max, string unit, string qualifier, string model, string? text) =>
        Line("hardware", min, max, $"{unit} model={model}", qualifier, text);

    private static string Describe(MoneyMention m, bool withText) =>
        Line("money", m.Amount.Min, m.Amount.Max, $"{m.Amount.Currency ?? "-"} {m.Evidence}",
            ContractNames.Of(m.Amount.Qualifier), withText ? m.Text : null);

    private static string Describe(HardwareMention h, bool withText) =>
        Line("hardware", h.Count.Min, h.Count.Max, $"{h.Unit} model={h.HardwareModel ?? "-"}",
            ContractNames.Of(h.Count.Qualifier), withText ? h.Text : null);

    // 5.5e9 and 5500000000.0 are the same amount; print both the same way.
    private static string Plain(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Line(string kind, decimal min, decimal max, string what, string qualifier, string? text) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{kind} {Plain(min)}..{Plain(max)} {what} {qualifier}{(text is null ? "" : $" [{text}]")}");
}
