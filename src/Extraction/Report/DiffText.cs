using System.Globalization;
using Extraction.Diff;
using Extraction.Model;

namespace Extraction.Report;

/// <summary>
/// The diff as text lines: "+" added, "-" removed, "~" changed (one indented line per changed field,
/// figures as people write them), then "?" out of run (with why), each with its source sentences;
/// ANSI colours when asked (a terminal).
/// </summary>
public static class DiffText
{
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Dim = "\u001b[2m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    /// <summary>Source sentences shown per record; the rest are counted.</summary>
    private const int SourcesShown = 3;

    /// <summary>One line naming a claim: kind, actor and figure ("investment Intel: ≈ 30 Mrd. EUR").</summary>
    public static string Claim(ClaimRecord r) =>
        $"{ContractNames.Of(r.Kind)} {r.Actor ?? "(no actor)"}: {HumanValues.Of(r)}";

    /// <summary>"6 added, 8 removed, 2 changed; 3 articles changed" (", 4 out of run" after "changed" when there are such records).</summary>
    public static string Summary(DiffResult d) => string.Create(CultureInfo.InvariantCulture,
        $"{d.Added.Count} added, {d.Removed.Count} removed, {d.Changed.Count} changed{(d.OutOfRun.Count > 0 ? $", {d.OutOfRun.Count} out of run" : "")}; {d.Articles.Count} article{(d.Articles.Count == 1 ? "" : "s")} changed");

    /// <summary>
    /// Why a record is out of run: "not in this run", "failed in this run: HTTP 503", or for several
    /// articles "its 2 articles were not in this run" (each failed one named with its reason).
    /// </summary>
    public static string OutOfRunReason(DiffResult d, ClaimRecord r)
    {
        var articles = RecordDiff.Articles(r).ToList();
        var failed = articles.Where(d.FailedArticles.ContainsKey).ToList();
        if (articles.Count == 1)
        {
            return failed.Count == 0 ? "not in this run" : "failed in this run: " + d.FailedArticles[failed[0]];
        }

        var others = articles.Count - failed.Count;
        return failed.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"its {articles.Count} articles were not in this run")
            : string.Join("; ", failed.Select(a => $"{a} failed in this run: {d.FailedArticles[a]}"))
              + (others == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; {others} other{(others == 1 ? " was" : "s were")} not in it"));
    }

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

        // Not changes: the newer run did not read these records' articles.
        foreach (var r in d.OutOfRun)
        {
            await o.WriteLineAsync(C(Cyan, $"? [{r.Id}] {Claim(r)} (out of run: {OutOfRunReason(d, r)})"));
            await Sources(r);
        }
    }
}
