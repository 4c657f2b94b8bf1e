using System.Text.Json;
using Extraction.Diff;
using Extraction.Output;

namespace Extraction.Report;

/// <summary>
/// The diff as one JSON object: the two sides, summary counts (with changed articles), added, removed
/// and changed records (each changed field in base units, and how the two versions were paired), and
/// the changes grouped by article (record ids). Records out of run (their articles not in the newer
/// run) add `summary.out_of_run`, an `out_of_run` array and `out_of_run_articles` (each article, and
/// why: `not_in_run` or `failed` with the reason), only when there are any, so a diff without them
/// reads as before.
/// </summary>
public static class DiffJson
{
    public static string Render(DiffResult d, DiffSides? sides = null) => JsonFormats.Line(w =>
    {
        w.WriteStartObject();
        if (sides is not null)
        {
            w.WriteString("from", sides.From);
            w.WriteString("to", sides.To);
        }

        w.WriteStartObject("summary");
        w.WriteNumber("added", d.Added.Count);
        w.WriteNumber("removed", d.Removed.Count);
        w.WriteNumber("changed", d.Changed.Count);
        w.WriteNumber("changed_articles", d.Articles.Count);
        if (d.OutOfRun.Count > 0)
        {
            w.WriteNumber("out_of_run", d.OutOfRun.Count);
        }

        w.WriteEndObject();
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
            w.WriteString("paired_by", c.By switch { PairedBy.Source => "source", PairedBy.Revision => "revision", _ => "id" });
            w.WriteBoolean("sources_only", c.SourcesOnly);
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
            w.WritePropertyName("old_record");
            JsonFormats.WriteRecord(w, c.Old);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (d.OutOfRun.Count > 0)
        {
            WriteOutOfRun(w, d);
        }

        w.WriteStartArray("articles");
        foreach (var a in d.Articles)
        {
            w.WriteStartObject();
            w.WriteString("article", a.Article);
            foreach (var (name, change) in new[]
            {
                ("added", EntryChange.Added), ("removed", EntryChange.Removed), ("changed", EntryChange.Changed),
                ("source_gained", EntryChange.SourceGained), ("source_lost", EntryChange.SourceLost),
            })
            {
                JsonFormats.WriteStrings(w, name, a.Entries.Where(e => e.Change == change).Select(e => e.Record.Id));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteOutOfRun(Utf8JsonWriter w, DiffResult d)
    {
        w.WriteStartArray("out_of_run");
        foreach (var r in d.OutOfRun)
        {
            JsonFormats.WriteRecord(w, r);
        }

        w.WriteEndArray();
        w.WriteStartArray("out_of_run_articles");
        foreach (var a in d.OutOfRun.SelectMany(RecordDiff.Articles).Distinct(StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("article", a);
            if (d.FailedArticles.TryGetValue(a, out var reason))
            {
                w.WriteString("status", "failed");
                w.WriteString("reason", reason);
            }
            else
            {
                w.WriteString("status", "not_in_run");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
