using System.Globalization;
using Extraction.Diff;
using Extraction.Model;

namespace Extraction.Report;

/// <summary>
/// Figures as a German reader writes them, for text a person reads (diffs, summaries): "3,2 Mrd. EUR",
/// "≈ 30 Mrd. EUR", "bis zu 4,6 Mrd. USD", "10 bis 12 Mrd. EUR", "10.752 GH200-Chips". JSON keeps base units.
/// The CSV export's display column uses the same figures.
/// </summary>
public static class HumanValues
{
    private static readonly NumberFormatInfo German = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    /// <summary>The claim's figure: an amount with currency, or a count with model and unit.</summary>
    public static string Of(ClaimRecord r) =>
        r.Amount is { } a ? Amount(a) : r.Count is { } c ? Count(c, r.Unit, r.HardwareModel) : "(no figure)";

    /// <summary>"≈ 30 Mrd. EUR"; a range "10 bis 12 Mrd. EUR"; without a currency "3,2 Mrd. (no currency)".</summary>
    public static string Amount(Amount a) => Prefix(a.Qualifier) + Figure(a) + (a.Currency is null ? " (no currency)" : "");

    private static readonly (decimal Scale, string Word)[] Scales =
    [
        (1_000_000_000_000m, "Bio."),
        (1_000_000_000m, "Mrd."),
        (1_000_000m, "Mio."),
    ];

    // The largest scale word the upper bound reaches (Mio., Mrd., Bio.), at most three decimals, then
    // the currency: "2,5 Mrd. EUR", "16 bis 18 Mrd. USD", "750.000 EUR". No qualifier.
    private static string Figure(Amount amount)
    {
        var (scale, word) = Scales.FirstOrDefault(s => Math.Abs(amount.Max) >= s.Scale, (Scale: 1m, Word: ""));
        var max = Decimal(amount.Max / scale);
        var figure = amount.Min == amount.Max ? max : $"{Decimal(amount.Min / scale)} bis {max}";
        return string.Join(' ', new[] { figure, word, amount.Currency ?? "" }.Where(p => p.Length > 0));
    }

    private static string Decimal(decimal value) => Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("#,##0.###", German);

    /// <summary>"10.752 GH200-Chips", "über 4.000 B200-GPUs", "2.688 Knoten".</summary>
    public static string Count(Count c, string? unit, string? model)
    {
        var n = c.Min == c.Max ? Number(c.Min) : Number(c.Min) + " bis " + Number(c.Max);
        var noun = UnitNoun(unit, c.Max == 1);
        return Prefix(c.Qualifier) + n + " " + (model is null ? noun : noun.Length == 0 ? model : model + "-" + noun);
    }

    /// <summary>A whole number with German thousands separators: "10.752".</summary>
    public static string Number(long n) => n.ToString("#,##0", German);

    /// <summary>"≈ " for about, "bis zu " for up to, ...; nothing for exact.</summary>
    public static string Prefix(Qualifier q) => q switch
    {
        Qualifier.About => "≈ ",
        Qualifier.Over => "über ",
        Qualifier.Under => "unter ",
        Qualifier.UpTo => "bis zu ",
        Qualifier.AtLeast => "mindestens ",
        _ => "",
    };

    /// <summary>The plural German noun for a hardware unit ("chip" is "Chips"), singular for one.</summary>
    public static string UnitNoun(string? unit, bool one) => unit switch
    {
        null => "",
        "GPU" or "TPU" => one ? unit : unit + "s",
        "chip" => one ? "Chip" : "Chips",
        "accelerator" => "Beschleuniger",
        "server" => "Server",
        "rack" => one ? "Rack" : "Racks",
        "node" => "Knoten",
        _ => unit,
    };

    /// <summary>
    /// A changed field as a person reads it, one line per field: the value as the whole figure of each
    /// side ("3,2 Mrd. EUR" to "3,2 Mio. EUR"), a unit as its noun ("Chips"), the other fields as they are.
    /// </summary>
    public static (string Old, string New) Field(FieldChange f, ClaimRecord old, ClaimRecord now) => f.Field switch
    {
        RecordDiff.Value => (Of(old), Of(now)),
        RecordDiff.Unit => (f.Old is null ? "(none)" : UnitNoun(f.Old, false), f.New is null ? "(none)" : UnitNoun(f.New, false)),
        RecordDiff.Sources => Sources(old, now),
        _ => (f.Old ?? "(none)", f.New ?? "(none)"),
    };

    // "3 articles" -> "4 articles; gained a.html" (at most three names per list, the rest counted).
    private static (string Old, string New) Sources(ClaimRecord old, ClaimRecord now)
    {
        var before = RecordDiff.Articles(old).ToList();
        var after = RecordDiff.Articles(now).ToList();
        static string Count(int n) => n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " article" : " articles");
        static string Names(List<string> list) =>
            string.Join(", ", list.Take(3)) + (list.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {list.Count - 3} more") : "");
        var gained = after.Except(before, StringComparer.Ordinal).ToList();
        var lost = before.Except(after, StringComparer.Ordinal).ToList();
        var text = Count(after.Count) + (gained.Count > 0 ? "; gained " + Names(gained) : "") + (lost.Count > 0 ? "; lost " + Names(lost) : "");
        return (Count(before.Count), text);
    }
}
