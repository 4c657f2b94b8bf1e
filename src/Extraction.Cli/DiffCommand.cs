using System.CommandLine;
using Extraction.Diff;
using Extraction.Model;
using Extraction.Output;

namespace Extraction.Cli;

/// <summary>`extract diff`: what changed in records.jsonl between two runs (exit 0 none, 1 changes, 2 error).</summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var oldDir = new Argument<string>("old-out-dir") { Description = "Output folder of the earlier run." };
        var newDir = new Argument<string>("new-out-dir") { Description = "Output folder of the later run." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("diff", "Added, removed and changed records between two runs (like git diff --exit-code).") { oldDir, newDir, format };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<ClaimRecord> before, after;
            try
            {
                before = Load(parse.GetValue(oldDir)!);
                after = Load(parse.GetValue(newDir)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                await stderr.WriteLineAsync("extract diff: " + ex.Message);
                return Cli.UsageError;
            }

            var diff = RecordDiff.Compare(before, after);
            if (parse.GetValue(format) == "json")
            {
                await stdout.WriteLineAsync(DiffJson(diff));
            }
            else
            {
                await WriteText(stdout, diff);
            }

            return diff.HasChanges ? 1 : 0;
        });
        return command;
    }

    private static List<ClaimRecord> Load(string dir)
    {
        var path = Path.Combine(dir, "records.jsonl");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file (is '{dir}' an output folder of 'extract run'?)");
        }

        return JsonFormats.ReadLines(path, JsonFormats.ReadRecord).ToList();
    }

    private static string Claim(ClaimRecord r) =>
        $"{ContractNames.Of(r.Kind)} {r.Actor ?? "(no actor)"}: {RecordDiff.Describe(r.Amount) ?? RecordDiff.Describe(r.Count) + " " + r.Unit + (r.Model is null ? "" : " " + r.Model)}";

    private static async Task WriteText(TextWriter o, DiffResult d)
    {
        await o.WriteLineAsync($"{d.Added.Count} added, {d.Removed.Count} removed, {d.Changed.Count} changed");
        foreach (var r in d.Added)
        {
            await o.WriteLineAsync($"+ [{r.Id}] {Claim(r)}");
            foreach (var s in r.Sources)
            {
                await o.WriteLineAsync($"    {s.Article}: {s.Sentence}");
            }
        }

        foreach (var r in d.Removed)
        {
            await o.WriteLineAsync($"- [{r.Id}] {Claim(r)}");
        }

        foreach (var c in d.Changed)
        {
            await o.WriteLineAsync($"~ [{c.New.Id}] {Claim(c.New)}");
            foreach (var f in c.Changes)
            {
                await o.WriteLineAsync($"    {f.Field}: {f.Old ?? "(none)"} -> {f.New ?? "(none)"}");
            }
        }
    }

    private static string DiffJson(DiffResult d) => JsonFormats.Line(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("added");
        foreach (var r in d.Added)
        {
            JsonFormats.WriteRecord(w, r);
        }

        w.WriteEndArray();
        w.WriteStartArray("removed");
        foreach (var r in d.Removed)
        {
            JsonFormats.WriteRecord(w, r);
        }

        w.WriteEndArray();
        w.WriteStartArray("changed");
        foreach (var c in d.Changed)
        {
            w.WriteStartObject();
            w.WriteString("id", c.New.Id);
            w.WriteString("old_id", c.Old.Id);
            w.WriteStartArray("fields");
            foreach (var f in c.Changes)
            {
                w.WriteStartObject();
                w.WriteString("field", f.Field);
                w.WriteString("old", f.Old);
                w.WriteString("new", f.New);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("record");
            JsonFormats.WriteRecord(w, c.New);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
