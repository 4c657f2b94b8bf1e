using System.Diagnostics;
using System.Text.Json;
using Extraction.Fetch;
using Extraction.Output;

namespace Extraction.Pipeline;

/// <summary>The summary of one run, as written to run.json.</summary>
public sealed record RunSummary(
    DateTimeOffset Started,
    DateTimeOffset Finished,
    IReadOnlyList<string> Inputs,
    int Articles,
    int Facts,
    int Records,
    IReadOnlyList<InputFailure> Failures,
    IReadOnlyDictionary<string, long> TimingsMs)
{
    /// <summary>CONTRACT.md: 0 when every input was done, 1 when some failed.</summary>
    public int ExitCode => Failures.Count == 0 ? 0 : 1;
}

/// <summary>Runs a batch: resolve inputs, process them in parallel, deduplicate, write the four output files.</summary>
public sealed class BatchRunner(ExtractionPipeline pipeline, TimeProvider time)
{
    /// <summary>Runs the batch and writes articles.jsonl, facts.jsonl, records.jsonl and run.json into <paramref name="outDir"/>.</summary>
    public async Task<RunSummary> RunAsync(
        IReadOnlyList<string> inputs,
        string? urlsFile,
        string outDir,
        CancellationToken ct,
        Action<ArticleResult>? onArticle = null)
    {
        var started = time.GetUtcNow();
        var timings = new Dictionary<string, long>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var (items, failures) = InputResolver.Resolve(inputs, urlsFile);
        var allFailures = new List<InputFailure>(failures);
        timings["resolve"] = clock.ElapsedMilliseconds;

        clock.Restart();
        var results = await pipeline.ProcessAllAsync(items, ct, onArticle);
        timings["process"] = clock.ElapsedMilliseconds;
        allFailures.AddRange(results.Where(r => r.Failure is not null).Select(r => r.Failure!));

        clock.Restart();
        var done = results.Where(r => r.Article is not null).ToList();
        var facts = done.SelectMany(r => r.Facts).ToList();
        var records = pipeline.Records.Build(facts);
        timings["dedup"] = clock.ElapsedMilliseconds;

        clock.Restart();
        Directory.CreateDirectory(outDir);
        AtomicFile.WriteLines(Path.Combine(outDir, "articles.jsonl"),
            done.Select(r => JsonFormats.Line(w => JsonFormats.WriteArticle(w, r.Article!, r.Encoding))));
        AtomicFile.WriteLines(Path.Combine(outDir, "facts.jsonl"), facts.Select(f => JsonFormats.Line(w => JsonFormats.WriteFact(w, f))));
        AtomicFile.WriteLines(Path.Combine(outDir, "records.jsonl"), records.Select(r => JsonFormats.Line(w => JsonFormats.WriteRecord(w, r))));
        timings["write"] = clock.ElapsedMilliseconds;

        var summary = new RunSummary(started, time.GetUtcNow(), inputs, done.Count, facts.Count, records.Count, allFailures, timings);
        AtomicFile.WriteText(Path.Combine(outDir, "run.json"), RunJson(summary, results));
        return summary;
    }

    private string RunJson(RunSummary s, ArticleResult[] results)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("started", s.Started);
            w.WriteString("finished", s.Finished);
            w.WriteString("version", pipeline.Version);
            w.WriteStartArray("inputs");
            foreach (var i in s.Inputs)
            {
                w.WriteStringValue(i);
            }

            w.WriteEndArray();
            w.WriteStartObject("counts");
            w.WriteNumber("inputs", results.Length + s.Failures.Count(f => results.All(r => r.Input.ArticleId != f.Input)));
            w.WriteNumber("articles", s.Articles);
            w.WriteNumber("facts", s.Facts);
            w.WriteNumber("records", s.Records);
            w.WriteNumber("failed", s.Failures.Count);
            w.WriteEndObject();
            w.WriteStartArray("failures");
            foreach (var f in s.Failures)
            {
                w.WriteStartObject();
                w.WriteString("input", f.Input);
                w.WriteString("reason", f.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("timings_ms");
            foreach (var kv in s.TimingsMs)
            {
                w.WriteNumber(kv.Key, kv.Value);
            }

            w.WriteNumber("total", (long)(s.Finished - s.Started).TotalMilliseconds);
            w.WriteEndObject();
            w.WriteStartArray("articles");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("article", r.Input.ArticleId);
                w.WriteString("status", r.Failure is null ? "done" : "failed");
                w.WriteNumber("facts", r.Facts.Count);
                w.WriteNumber("ms", (long)r.Elapsed.TotalMilliseconds);
                if (r.Encoding is not null)
                {
                    w.WriteString("encoding", r.Encoding);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
