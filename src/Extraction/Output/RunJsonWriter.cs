using System.Text.Json;
using Extraction.Pipeline;
using Extraction.Store;

namespace Extraction.Output;

/// <summary>run.json: a run's summary, counts, failures, timings, memory and (in the output folder) one entry per article.</summary>
internal static class RunJsonWriter
{
    private static readonly JsonWriterOptions IndentedJson = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes run.json; without the article list when <paramref name="finished"/> is null (the store's copy).
    /// <paramref name="sections"/> adds properties after "removed" (an input source's own report, e.g. "feeds").
    /// </summary>
    public static void Write(Stream output, RunSummary s, string version, int inputCount, IReadOnlyList<RunJsonArticle>? finished, Action<Utf8JsonWriter>? sections = null)
    {
        using (var w = new Utf8JsonWriter(output, IndentedJson))
        {
            w.WriteStartObject();
            w.WriteString("started", s.Started);
            w.WriteString("finished", s.Finished);
            w.WriteString("version", version);
            w.WriteString("status", RunStore.Name(s.Cancelled ? RunStatus.Cancelled : RunStatus.Done));
            if (s.RunId is { } id)
            {
                w.WriteNumber("run_id", id);
                w.WriteString("store", s.StorePath);
                w.WriteBoolean("resumed", s.Resumed);
            }

            JsonFormats.WriteStrings(w, "inputs", s.Inputs);
            w.WriteStartObject("counts");
            w.WriteNumber("inputs", inputCount);
            w.WriteNumber("articles", s.Articles);
            w.WriteNumber("facts", s.Facts);
            w.WriteNumber("records", s.Records);
            w.WriteNumber("failed", s.Failures.Count);
            w.WriteNumber("new", s.New);
            w.WriteNumber("changed", s.Changed);
            w.WriteNumber("unchanged", s.Unchanged);
            w.WriteNumber("removed", s.Removed.Count);
            w.WriteNumber("processed", s.Processed);
            w.WriteNumber("reused", s.Reused);
            w.WriteNumber("pending", s.Pending);
            w.WriteEndObject();
            w.WriteStartArray("failures");
            foreach (var f in s.Failures)
            {
                w.WriteStartObject();
                w.WriteString("input", f.Input);
                w.WriteString("reason", f.Reason);
                w.WriteString("kind", RunStore.Name(f.Kind));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            JsonFormats.WriteStrings(w, "removed", s.Removed);
            sections?.Invoke(w);
            w.WriteStartObject("timings_ms");
            foreach (var kv in s.TimingsMs)
            {
                w.WriteNumber(kv.Key, kv.Value);
            }

            w.WriteNumber("total", (long)(s.Finished - s.Started).TotalMilliseconds);
            w.WriteEndObject();
            w.WriteStartObject("memory_mb");
            foreach (var kv in s.MemoryMb)
            {
                w.WriteNumber(kv.Key, kv.Value);
            }

            w.WriteEndObject();
            if (finished is null)
            {
                w.WriteEndObject();
                return;
            }

            w.WriteStartArray("articles");
            foreach (var o in finished)
            {
                w.WriteStartObject();
                w.WriteString("article", o.ArticleId);
                w.WriteString("status", o.Failure is null ? "done" : "failed");
                w.WriteNumber("facts", o.Facts);
                w.WriteNumber("ms", (long)o.Elapsed.TotalMilliseconds);
                if (o.Encoding is not null)
                {
                    w.WriteString("encoding", o.Encoding);
                }

                if (s.RunId is not null)
                {
                    w.WriteString("result", RunStore.Name(o.Status));
                    if (o.Change is { } c)
                    {
                        w.WriteString("change", RunStore.Name(c));
                    }

                    if (o.Sha256 is not null)
                    {
                        w.WriteString("sha256", o.Sha256);
                    }

                    if (o.FromInterruptedRun)
                    {
                        w.WriteBoolean("resumed", true);
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
