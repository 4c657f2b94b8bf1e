using Extraction.Diff;
using Extraction.Model;

namespace Extraction.Report;

/// <summary>What the two sides of a diff are: folders, or runs in a store.</summary>
public sealed record DiffSides(string From, string To);

/// <summary>The diff as text lines: "+" added, "-" removed, "~" changed; ANSI colours when asked (a terminal).</summary>
public static class DiffText
{
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Dim = "\u001b[2m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    /// <summary>One line naming a claim: kind, actor and value.</summary>
    public static string Claim(ClaimRecord r) =>
        $"{ContractNames.Of(r.Kind)} {r.Actor ?? "(no actor)"}: {Value(r)}";

    /// <summary>The claim's figure: amount, or count with unit and model.</summary>
    public static string Value(ClaimRecord r) =>
        RecordDiff.Describe(r.Amount) ?? RecordDiff.Describe(r.Count) + " " + r.Unit + (r.Model is null ? "" : " " + r.Model);

    /// <summary>Writes the diff; with <paramref name="color"/> false the output is plain text.</summary>
    public static async Task WriteAsync(TextWriter o, DiffResult d, bool color)
    {
        string C(string code, string text) => color ? code + text + Reset : text;

        await o.WriteLineAsync(C(Bold, $"{d.Added.Count} added, {d.Removed.Count} removed, {d.Changed.Count} changed"));
        foreach (var r in d.Added)
        {
            await o.WriteLineAsync(C(Green, $"+ [{r.Id}] {Claim(r)}"));
            foreach (var s in r.Sources)
            {
                await o.WriteLineAsync(C(Dim, $"    {s.Article}: {s.Sentence}"));
            }
        }

        foreach (var r in d.Removed)
        {
            await o.WriteLineAsync(C(Red, $"- [{r.Id}] {Claim(r)}"));
        }

        foreach (var c in d.Changed)
        {
            await o.WriteLineAsync(C(Yellow, $"~ [{c.New.Id}] {Claim(c.New)}"));
            foreach (var f in c.Changes)
            {
                await o.WriteLineAsync(color
                    ? $"    {f.Field}: {Red}{f.Old ?? "(none)"}{Reset} -> {Green}{f.New ?? "(none)"}{Reset}"
                    : $"    {f.Field}: {f.Old ?? "(none)"} -> {f.New ?? "(none)"}");
            }
        }
    }
}
