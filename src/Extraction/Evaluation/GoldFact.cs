using System.Text.Json;
using Extraction.Model;

namespace Extraction.Evaluation;

/// <summary>One fact line of gold data (docs/gold-format.md, docs/annotation.md).</summary>
public sealed record GoldFact(
    string Article,
    FactKind Kind,
    string? Actor,
    IReadOnlyList<string> ActorAlt,
    decimal Min,
    decimal Max,
    string? Currency,
    IReadOnlyList<string> CurrencyAlt,
    string? Unit,
    string? HardwareModel,
    Qualifier Qualifier,
    string Quote,
    string? Record)
{
    /// <summary>Defensible either way: a fact matching it is neither missed nor spurious.</summary>
    public bool Borderline { get; init; }

    /// <summary>The article's own conversion of another amount: neither missed nor spurious.</summary>
    public bool Conversion { get; init; }

    /// <summary>Other acceptable hardware units (`unit_alt`: "Hochleistungsprozessoren" as chips or CPUs).</summary>
    public IReadOnlyList<string> UnitAlt { get; init; } = [];

    /// <summary>True when the line counts as missed or matched (neither borderline nor a conversion).</summary>
    public bool Counted => !Borderline && !Conversion;

    /// <summary>Reads one fact line (investment or hardware); other kinds and missing fields throw <see cref="FormatException"/>.</summary>
    public static GoldFact Read(JsonElement e)
    {
        string Req(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new FormatException($"gold line lacks '{name}'");
        static IReadOnlyList<string> List(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                : [];
        static string? Opt(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        static bool Flag(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

        var kind = Req("kind") switch
        {
            "investment" => FactKind.Investment,
            "hardware" => FactKind.Hardware,
            var k => throw new FormatException($"unknown kind '{k}' (a fact line is 'investment' or 'hardware'; read files with GoldSet for 'none')"),
        };
        decimal min, max;
        if (kind == FactKind.Investment)
        {
            min = e.GetProperty("amount_min").GetDecimal();
            max = e.GetProperty("amount_max").GetDecimal();
        }
        else
        {
            min = max = e.GetProperty("count").GetDecimal();
        }

        return new GoldFact(Req("article"), kind, Opt(e, "actor"), List(e, "actor_alt"), min, max, Opt(e, "currency"),
            List(e, "currency_alt"), Opt(e, "unit"), Opt(e, "model"), ContractNames.ParseQualifier(Opt(e, "qualifier")),
            Opt(e, "quote") ?? "", Opt(e, "record"))
        {
            Borderline = Flag(e, "borderline"),
            Conversion = Flag(e, "conversion"),
            UnitAlt = List(e, "unit_alt"),
        };
    }
}
