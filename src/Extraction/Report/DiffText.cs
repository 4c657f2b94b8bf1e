using System.Globalization;
using Extraction.Diff;
using Extraction.Model;

namespace Extraction.Report;

/// <summary>
/// The diff as text lines: "+" added, "-" removed, "~" changed (one indented line per changed field,
/// figures as people write them), each with its source sentences; ANSI colours when asked (a terminal).
/// </summary>
public static class DiffText
{
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Dim = "\u001b[2m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    /// <summary>Source sentences shown per record; the rest are counted.</summary>
    private const int SourcesShown = 3;

    /// <summary>One line naming a claim: kind, actor and figure ("investment Intel: ≈ 30 Mrd. EUR").</summary>
    public static string Claim(ClaimRecord r) =>
        $"{ContractNames.Of(r.Kind)} {r.Actor ?? "(no actor)"}: {HumanValues.Of(r)}";

    /// <summary>"6 added, 8 removed, 2 changed; 3 articles changed".</summary>
    public static string Summary(DiffResult d) => string.Create(CultureInfo.InvariantCulture,
        $"{d.Added.Count} added, {d.Removed.Count} removed, {d.Changed.Count} changed; {d.Articles.Count} article{(d.Articles.Count == 1 ? "" : "s")} changed");

    /// <summary>How a changed record was paired with its old version, for a reader: "" by id, else "(was [id], same sentence)".</summary>
    public static string Pairing(ChangedRecord c) => c.By switch
    {
        PairedBy.Source => $" (was [{c.Old.Id}], same sentence)",
        PairedBy.Revision => $" (was [{c.Old.Id}], revised figure)",
        _ => c.SourcesOnly ? " (sources only)" : "",
    };

    /// <summary>Writes the diff; with <paramref name="color"/> false the output is plain text.</summary>
    public static async Task WriteAsync(TextWriter o, DiffResult d, bool color)
    {
        string C(string code, string text) => color ? code + text + Reset : text;

        async Task Sources(ClaimRecord r)
        {
            foreach (var s in r.Sources.Take(SourcesShown))
            {
                await o.WriteLineAsync(C(Dim, $"    {s.Article}: {s.Sentence}"));
            }

            if (r.Sources.Count > SourcesShown)
            {
                await o.WriteLineAsync(C(Dim, string.Create(CultureInfo.InvariantCulture, $"    … {r.Sources.Count - SourcesShown} more")));
            }
        }

        await o.WriteLineAsync(C(Bold, Summary(d)));
        foreach (var r in d.Added)
        {
            await o.WriteLineAsync(C(Green, $"+ [{r.Id}] {Claim(r)}"));
            await Sources(r);
        }

        foreach (var r in d.Removed)
        {
            await o.WriteLineAsync(C(Red, $"- [{r.Id}] {Claim(r)}"));
            await Sources(r);
        }

        foreach (var c in d.Changed)
        {
            await o.WriteLineAsync(C(Yellow, $"~ [{c.New.Id}] {Claim(c.New)}{Pairing(c)}"));
            foreach (var f in c.Changes)
            {
                var (old, now) = HumanValues.Field(f, c.Old, c.New);
                await o.WriteLineAsync(color
                    ? $"    {f.Field}: {Red}{old}{Reset} -> {Green}{now}{Reset}"
                    : $"    {f.Field}: {old} -> {now}");
            }

            if (!c.SourcesOnly)
            {
                await Sources(c.New);
            }
        }
    }
}
