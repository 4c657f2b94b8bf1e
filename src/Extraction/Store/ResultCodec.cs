using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Extraction.Model;
using Extraction.Output;

namespace Extraction.Store;

/// <summary>
/// Lossless JSON for what the store keeps of an article: unlike the contract lines (confidence rounded,
/// explanation optional), a carried-over fact must equal the one first extracted, so records built
/// from the store are the records an uninterrupted run builds.
/// </summary>
public static class ResultCodec
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The stored JSON of an article: its articles.jsonl line (<see cref="JsonFormats.WriteArticle"/>,
    /// which holds every field), read back by <see cref="ReadArticle(string)"/>. A batch run stores the
    /// line it wrote to articles.jsonl instead of making it again.
    /// </summary>
    public static string Write(Article a) => JsonFormats.Line(w => JsonFormats.WriteArticle(w, a));

    /// <summary>One fact on its own, its sentence copied: the shape of schema version 1's fact rows (tests of the migration make them).</summary>
    internal static string Write(Fact f) => JsonSerializer.Serialize(f, Options);

    /// <summary>
    /// The facts of <paramref name="article"/> as one JSON array, the form a result keeps them in.
    /// Each fact's sentence, which the stored article holds, is kept as a reference into the text
    /// (offset and length), not a copy: sentences are about half of what a run stores. A fact's
    /// article id is left out when it is the article's. Read back with <see cref="ReadFacts(string, Article)"/>.
    /// </summary>
    public static string WriteFacts(IReadOnlyList<Fact> facts, Article article) => JsonFormats.Line(w =>
    {
        w.WriteStartArray();
        foreach (var f in facts)
        {
            WriteFact(w, f, article);
        }

        w.WriteEndArray();
    });

    /// <summary>Facts written by <see cref="WriteFacts"/>, or an array of <see cref="Write(Fact)"/> objects, as extracted from <paramref name="article"/>.</summary>
    public static IReadOnlyList<Fact> ReadFacts(string json, Article article)
    {
        var facts = JsonSerializer.Deserialize<Fact[]>(json, Options) ?? throw new FormatException("stored facts are null");
        for (var i = 0; i < facts.Length; i++)
        {
            facts[i] = Resolve(facts[i] ?? throw new FormatException("a stored fact is null"), article);
        }

        return facts;
    }

    /// <summary>An article stored as its articles.jsonl line, or (stores written before that) in the shape of <see cref="Article"/>'s properties.</summary>
    public static Article ReadArticle(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("stored article is not a JSON object");
        }

        if (!root.TryGetProperty("article", out var id))
        {
            return root.Deserialize<Article>(Options) ?? throw new FormatException("stored article is null");
        }

        string? Optional(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new Article(
            id.GetString() ?? throw new FormatException("stored article has no id"),
            root.GetProperty("title").GetString() ?? "",
            root.GetProperty("text").GetString() ?? "",
            root.GetProperty("removed").GetInt32(),
            Optional("url"),
            Optional("published"),
            Optional("author"));
    }

    // A reference is the marker, the offset, ':' and the length; a sentence that itself starts with
    // the marker (and is not in the text) is stored with the marker doubled.
    private const char Marker = '\u0000';

    private static void WriteFact(Utf8JsonWriter w, Fact f, Article article)
    {
        w.WriteStartObject();
        if (!string.Equals(f.Article, article.Id, StringComparison.Ordinal))
        {
            w.WriteString("Article", f.Article);
        }

        w.WriteString("Kind", f.Kind == FactKind.Investment ? nameof(FactKind.Investment) : nameof(FactKind.Hardware));
        WriteOptional(w, "Actor", f.Actor);
        if (f.Amount is { } a)
        {
            w.WriteStartObject("Amount");
            w.WriteNumber("Min", a.Min);
            w.WriteNumber("Max", a.Max);
            WriteOptional(w, "Currency", a.Currency);
            w.WriteString("Qualifier", Name(a.Qualifier));
            w.WriteEndObject();
        }

        if (f.Count is { } c)
        {
            w.WriteStartObject("Count");
            w.WriteNumber("Min", c.Min);
            w.WriteNumber("Max", c.Max);
            w.WriteString("Qualifier", Name(c.Qualifier));
            w.WriteEndObject();
        }

        WriteOptional(w, "Unit", f.Unit);
        WriteOptional(w, "Model", f.HardwareModel);
        w.WriteString("Text", f.Text);
        WriteSentence(w, f, article.Text);
        w.WriteNumber("Start", f.Start);
        w.WriteNumber("Confidence", f.Confidence);
        if (f.Explanation is { } e)
        {
            w.WriteStartObject("Explanation");
            w.WriteString("Rule", e.Rule);
            w.WriteString("ActorRule", e.ActorRule);
            JsonFormats.WriteStrings(w, "Features", e.Features);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteSentence(Utf8JsonWriter w, Fact f, string text)
    {
        var sentence = f.Sentence;
        if (sentence.Length > 0)
        {
            // The occurrence that holds the fact's phrase (the same sentence can stand twice in an article).
            var from = Math.Clamp(f.Start - sentence.Length, 0, text.Length);
            var at = text.IndexOf(sentence, from, StringComparison.Ordinal);
            if (at >= 0 && at <= f.Start && f.Start <= at + sentence.Length)
            {
                Span<char> reference = stackalloc char[24];
                reference[0] = Marker;
                at.TryFormat(reference[1..], out var n, default, System.Globalization.CultureInfo.InvariantCulture);
                reference[++n] = ':';
                sentence.Length.TryFormat(reference[++n..], out var m, default, System.Globalization.CultureInfo.InvariantCulture);
                w.WriteString("Sentence", reference[..(n + m)]);
                return;
            }
        }

        w.WriteString("Sentence", sentence.Length > 0 && sentence[0] == Marker ? Marker + sentence : sentence);
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static string Name(Qualifier q) => q switch
    {
        Qualifier.Exact => nameof(Qualifier.Exact),
        Qualifier.About => nameof(Qualifier.About),
        Qualifier.Over => nameof(Qualifier.Over),
        Qualifier.Under => nameof(Qualifier.Under),
        Qualifier.UpTo => nameof(Qualifier.UpTo),
        Qualifier.AtLeast => nameof(Qualifier.AtLeast),
        _ => throw new ArgumentOutOfRangeException(nameof(q)),
    };

    // The article's id filled in (when left out), the sentence taken from the article's text (when
    // a reference), and the explanation's list read-only like a freshly extracted one.
    private static Fact Resolve(Fact f, Article article)
    {
        if (f.Article is null)
        {
            f = f with { Article = article.Id };
        }

        if (f.Explanation is { } e)
        {
            f = f with { Explanation = e with { Features = e.Features.ToArray() } };
        }

        var sentence = f.Sentence;
        if (sentence is null || sentence.Length == 0 || sentence[0] != Marker)
        {
            return f;
        }

        if (sentence.Length > 1 && sentence[1] == Marker)
        {
            return f with { Sentence = sentence[1..] };
        }

        var colon = sentence.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0
            || !int.TryParse(sentence.AsSpan(1, colon - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var at)
            || !int.TryParse(sentence.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            || at + length > article.Text.Length)
        {
            throw new FormatException($"stored fact has a broken sentence reference '{sentence[1..]}'");
        }

        return f with { Sentence = article.Text.Substring(at, length) };
    }

    /// <summary>Lower-case hex SHA-256 of fetched bytes: the content hash that decides whether an input changed.</summary>
    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
