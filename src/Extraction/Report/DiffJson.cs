using Extraction.Diff;
using Extraction.Output;

namespace Extraction.Report;

/// <summary>The diff as one JSON object: summary counts, the two sides, and added, removed and changed records.</summary>
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
        w.WriteEndObject();
    });
}
