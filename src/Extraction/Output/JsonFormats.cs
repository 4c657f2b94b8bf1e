using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Extraction.Model;

namespace Extraction.Output;

/// <summary>The contract's JSON shapes (docs/contract.md): one writer per object kind, invariant and stable.</summary>
public static class JsonFormats
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Renders one object to a JSON line (no trailing newline).</summary>
    public static string Line(Action<Utf8JsonWriter> write) => (string)Render(write, utf8: false);

    /// <summary>Renders one object to a JSON line as UTF-8 bytes (no trailing newline), as files take it.</summary>
    public static byte[] Utf8Line(Action<Utf8JsonWriter> write) => (byte[])Render(write, utf8: true);

    // One buffer and writer per thread, reused: a run renders a dozen lines per article. They are
    // taken out while in use, so a render inside a render gets its own.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static object Render(Action<Utf8JsonWriter> write, bool utf8)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(4096);
        var w = t_writer ?? new Utf8JsonWriter(buffer, WriterOptions);
        t_buffer = null;
        t_writer = null;
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        write(w);
        w.Flush();
        object line = utf8 ? buffer.WrittenSpan.ToArray() : Encoding.UTF8.GetString(buffer.WrittenSpan);

        // A huge article's buffer is not kept for the rest of the run.
        if (buffer.Capacity <= 1 << 20)
        {
            t_buffer = buffer;
            t_writer = w;
        }

        return line;
    }

    /// <summary>Trailing zeros off: 8600000000.0 is written 8600000000.</summary>
    internal static decimal Normalize(decimal d) => d / 1.000000000000000000000000000000000m;

    public static void WriteArticle(Utf8JsonWriter w, Article a, string? encoding = null)
    {
        w.WriteStartObject();
        w.WriteString("article", a.Id);
        w.WriteString("title", a.Title);
        w.WriteString("text", a.Text);
        w.WriteNumber("removed", a.Removed);
        WriteOptional(w, "url", a.Url);
        WriteOptional(w, "published", a.Published);
        WriteOptional(w, "author", a.Author);
        WriteOptional(w, "encoding", encoding);
        w.WriteEndObject();
    }

    public static void WriteFact(Utf8JsonWriter w, Fact f)
    {
        w.WriteStartObject();
        w.WriteString("article", f.Article);
        WriteClaim(w, f.Kind, f.Actor, f.Amount, f.Count, f.Unit, f.HardwareModel);
        w.WriteString("text", f.Text);
        w.WriteString("sentence", f.Sentence);
        w.WriteNumber("offset", f.Start);
        w.WriteNumber("confidence", Math.Round(f.Confidence, 3));
        if (f.Explanation is { } e)
        {
            w.WriteStartObject("explain");
            w.WriteString("rule", e.Rule);
            w.WriteString("actor_rule", e.ActorRule);
            WriteStrings(w, "features", e.Features);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    public static void WriteRecord(Utf8JsonWriter w, ClaimRecord r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        WriteClaim(w, r.Kind, r.Actor, r.Amount, r.Count, r.Unit, r.HardwareModel);
        w.WriteStartArray("sources");
        foreach (var s in r.Sources)
        {
            w.WriteStartObject();
            w.WriteString("article", s.Article);
            w.WriteString("sentence", s.Sentence);
            w.WriteString("text", s.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("mentions", r.Mentions);
        w.WriteEndObject();
    }

    private static void WriteClaim(Utf8JsonWriter w, FactKind kind, string? actor, Amount? amount, Count? count, string? unit, string? model)
    {
        w.WriteString("kind", ContractNames.Of(kind));
        if (actor is null)
        {
            w.WriteNull("actor");
        }
        else
        {
            w.WriteString("actor", actor);
        }

        if (amount is not null)
        {
            w.WriteStartObject("amount");
            w.WriteNumber("min", Normalize(amount.Min));
            w.WriteNumber("max", Normalize(amount.Max));
            WriteOptional(w, "currency", amount.Currency);
            w.WriteString("qualifier", ContractNames.Of(amount.Qualifier));
            w.WriteEndObject();
        }

        if (count is not null)
        {
            w.WriteStartObject("count");
            w.WriteNumber("min", count.Min);
            w.WriteNumber("max", count.Max);
            w.WriteString("qualifier", ContractNames.Of(count.Qualifier));
            w.WriteEndObject();
            w.WriteString("unit", unit);
            if (model is null)
            {
                w.WriteNull("model");
            }
            else
            {
                w.WriteString("model", model);
            }
        }
    }

    /// <summary>Writes a named array of strings.</summary>
    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>Reads a fact line back (for eval, diff and the run store).</summary>
    public static Fact ReadFact(JsonElement e)
    {
        var kind = Str(e, "kind") == "hardware" ? FactKind.Hardware : FactKind.Investment;
        Amount? amount = null;
        Count? count = null;
        if (e.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            amount = new Amount(a.GetProperty("min").GetDecimal(), a.GetProperty("max").GetDecimal(), Str(a, "currency"),
                ContractNames.ParseQualifier(Str(a, "qualifier")));
        }

        if (e.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Object)
        {
            count = new Count(c.GetProperty("min").GetInt64(), c.GetProperty("max").GetInt64(), ContractNames.ParseQualifier(Str(c, "qualifier")));
        }

        return new Fact(Str(e, "article") ?? "", kind, Str(e, "actor"), amount, count, Str(e, "unit"), Str(e, "model"),
            Str(e, "text") ?? "", Str(e, "sentence") ?? "", e.TryGetProperty("offset", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetInt32() : 0,
            e.TryGetProperty("confidence", out var conf) && conf.ValueKind == JsonValueKind.Number ? conf.GetDouble() : 1.0);
    }

    /// <summary>Reads a record line back.</summary>
    public static ClaimRecord ReadRecord(JsonElement e)
    {
        var f = ReadFact(e);
        var sources = new List<Source>();
        if (e.TryGetProperty("sources", out var s) && s.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in s.EnumerateArray())
            {
                sources.Add(new Source(Str(x, "article") ?? "", Str(x, "sentence") ?? "", Str(x, "text") ?? ""));
            }
        }

        var mentions = e.TryGetProperty("mentions", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : sources.Count;
        return new ClaimRecord(Str(e, "id") ?? "", f.Kind, f.Actor, f.Amount, f.Count, f.Unit, f.HardwareModel, sources, mentions);
    }

    internal static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Reads a JSON Lines file; a bad line throws <see cref="FormatException"/> naming file and line.</summary>
    public static IEnumerable<T> ReadLines<T>(string path, Func<JsonElement, T> read)
    {
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            T item;
            try
            {
                using var doc = JsonDocument.Parse(line);
                item = read(doc.RootElement);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
            {
                throw new FormatException($"{path}:{n}: {ex.Message}", ex);
            }

            yield return item;
        }
    }
}
