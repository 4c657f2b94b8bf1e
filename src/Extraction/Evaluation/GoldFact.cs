using System.Text.Json;
using Extraction.Model;

namespace Extraction.Evaluation;

/// <summary>One line of gold data (CONTRACT.md "Gold data").</summary>
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
    string? Model,
    Qualifier Qualifier,
    string Quote,
    string? Record)
{
    /// <summary>Reads one gold line; missing required fields throw <see cref="FormatException"/>.</summary>
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

        var kind = Req("kind") switch
        {
            "investment" => FactKind.Investment,
            "hardware" => FactKind.Hardware,
            var k => throw new FormatException($"unknown kind '{k}'"),
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
            Opt(e, "quote") ?? "", Opt(e, "record"));
    }
}
