using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Extraction.Model;

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

    public static string Write(Article a) => JsonSerializer.Serialize(a, Options);

    public static string Write(Fact f) => JsonSerializer.Serialize(f, Options);

    /// <summary>
    /// A fact of <paramref name="articleText"/>'s article: its sentence, which the stored article
    /// holds, is kept as a reference into the text (offset and length), not a copy; sentences are
    /// about half of what a run stores. Read it back with <see cref="ReadFact(string, string)"/>.
    /// </summary>
    public static string Write(Fact f, string articleText) => Write(f with { Sentence = SentenceReference(f, articleText) });

    /// <summary>A fact written by <see cref="Write(Fact, string)"/> (or <see cref="Write(Fact)"/>), its sentence taken from the article text.</summary>
    public static Fact ReadFact(string json, string articleText)
    {
        var f = ReadFact(json);
        var sentence = f.Sentence;
        if (sentence.Length == 0 || sentence[0] != Marker)
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
            || at + length > articleText.Length)
        {
            throw new FormatException($"stored fact has a broken sentence reference '{sentence[1..]}'");
        }

        return f with { Sentence = articleText.Substring(at, length) };
    }

    // A reference is the marker, the offset, ':' and the length; a sentence that itself starts with
    // the marker (and is not in the text) is stored with the marker doubled.
    private const char Marker = '\u0000';

    private static string SentenceReference(Fact f, string text)
    {
        var sentence = f.Sentence;
        if (sentence.Length > 0)
        {
            // The occurrence that holds the fact's phrase (the same sentence can stand twice in an article).
            var from = Math.Clamp(f.Start - sentence.Length, 0, text.Length);
            var at = text.IndexOf(sentence, from, StringComparison.Ordinal);
            if (at >= 0 && at <= f.Start && f.Start <= at + sentence.Length)
            {
                return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Marker}{at}:{sentence.Length}");
            }
        }

        return sentence.Length > 0 && sentence[0] == Marker ? Marker + sentence : sentence;
    }

    public static Article ReadArticle(string json) =>
        JsonSerializer.Deserialize<Article>(json, Options) ?? throw new FormatException("stored article is null");

    public static Fact ReadFact(string json)
    {
        var f = JsonSerializer.Deserialize<Fact>(json, Options) ?? throw new FormatException("stored fact is null");

        // Keep the explanation's list read-only like a freshly extracted one.
        return f.Explanation is { } e ? f with { Explanation = e with { Features = e.Features.ToArray() } } : f;
    }

    /// <summary>Lower-case hex SHA-256 of fetched bytes: the content hash that decides whether an input changed.</summary>
    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
