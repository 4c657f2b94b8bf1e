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
