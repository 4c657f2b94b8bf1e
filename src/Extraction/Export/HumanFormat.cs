using System.Globalization;
using Extraction.Model;

namespace Extraction.Export;

/// <summary>Figures as a German reader writes them: "2,5 Mrd. EUR", "16 bis 18 Mrd. USD", "100.000 GPU".</summary>
public static class HumanFormat
{
    // German separators without depending on the machine's culture data: '.' groups, ',' decimals.
    private static readonly NumberFormatInfo German = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    private static readonly (decimal Scale, string Word)[] Scales =
    [
        (1_000_000_000_000m, "Bio."),
        (1_000_000_000m, "Mrd."),
        (1_000_000m, "Mio."),
    ];

    /// <summary>
    /// An amount in the largest German scale word its upper bound reaches (Mio., Mrd., Bio.), at most
    /// three decimals, then the currency: "2,5 Mrd. EUR", "16 bis 18 Mrd. USD", "750.000 EUR".
    /// The qualifier is not part of it (it has its own column).
    /// </summary>
    public static string Amount(Amount amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        var (scale, word) = Scales.FirstOrDefault(s => Math.Abs(amount.Max) >= s.Scale, (Scale: 1m, Word: ""));
        var max = Number(amount.Max / scale);
        var figure = amount.Min == amount.Max ? max : $"{Number(amount.Min / scale)} bis {max}";
        return string.Join(' ', new[] { figure, word, amount.Currency ?? "" }.Where(p => p.Length > 0));
    }

    /// <summary>A hardware count with digits grouped and its unit (and model when known): "100.000 GPU (H100)", "500 bis 600 Server".</summary>
    public static string Count(Count count, string? unit, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(count);
        var figure = count.Min == count.Max ? Number(count.Max) : $"{Number(count.Min)} bis {Number(count.Max)}";
        var text = unit is { Length: > 0 } ? $"{figure} {unit}" : figure;
        return model is { Length: > 0 } ? $"{text} ({model})" : text;
    }

    /// <summary>The figure of a fact or record: its amount or its count, or "" when it has neither.</summary>
    public static string Of(Amount? amount, Count? count, string? unit, string? model) =>
        amount is not null ? Amount(amount) : count is not null ? Count(count, unit, model) : "";

    private static string Number(decimal value) => Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("#,##0.###", German);
}
