using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extraction.Facts;

namespace Extraction.Ml;

/// <summary>One labelled example: sparse binary features and the answer.</summary>
public sealed record Example(IReadOnlyList<string> Features, bool Label);

/// <summary>
/// Binary logistic regression over sparse string features, trained by deterministic SGD with L2.
/// It is the ML half of rules-plus-ML: rules propose candidates, this model decides, and an attached
/// actor model (the same kind of model) ranks each fact's candidate actors. Same data, same model
/// file, byte for byte.
/// </summary>
public sealed class LogisticModel : IFactScorer
{
    private const string FormatV1 = "extraction-logistic-v1";
    private const string FormatV2 = "extraction-logistic-v2";

    private readonly Dictionary<string, double> _weights;

    private LogisticModel(Dictionary<string, double> weights, LogisticModel? actors = null)
    {
        _weights = weights;
        Actors = actors;
        Version = Hash(weights, actors?._weights);
    }

    /// <summary>Content hash of the weights (and the actor model's): changes exactly when the model does.</summary>
    public string Version { get; }

    /// <summary>Number of non-zero weights.</summary>
    public int Size => _weights.Count;

    /// <summary>The model that ranks candidate actors, or null when the rules' choice of actor stands.</summary>
    public LogisticModel? Actors { get; }

    /// <inheritdoc/>
    public IFactScorer? ActorScorer => Actors;

    /// <summary>This fact model with an actor model attached (one file, one version).</summary>
    public LogisticModel WithActors(LogisticModel? actors) => new(_weights, actors is null ? null : new LogisticModel(actors._weights));

    /// <inheritdoc/>
    public double Probability(IReadOnlyList<string> features)
    {
        // By index, in order (the same sum as the enumerable overload), without an enumerator per call.
        var z = 0.0;
        if (features is List<string> list)
        {
            foreach (var f in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list))
            {
                z += _weights.GetValueOrDefault(f);
            }
        }
        else
        {
            for (var i = 0; i < features.Count; i++)
            {
                z += _weights.GetValueOrDefault(features[i]);
            }
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Probability of the positive class.</summary>
    public double Probability(IEnumerable<string> features)
    {
        var z = 0.0;
        foreach (var f in features)
        {
            z += _weights.GetValueOrDefault(f);
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <inheritdoc/>
    public (double Probability, IReadOnlyList<string> Top) Score(IReadOnlyList<string> features)
    {
        var p = Probability(features);
        var top = features
            .Select(f => (f, w: _weights.GetValueOrDefault(f)))
            .Where(x => x.w != 0)
            .OrderByDescending(x => Math.Abs(x.w)).ThenBy(x => x.f, StringComparer.Ordinal)
            .Take(5)
            .Select(x => $"{x.f} {x.w.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)}")
            .ToList();
        return (p, top);
    }

    /// <summary>Trains a model; deterministic for the same examples in the same order.</summary>
    public static LogisticModel Train(IReadOnlyList<Example> examples, int epochs = 40, double rate = 0.2, double l2 = 1e-4, ulong seed = 0x5EED)
    {
        var w = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var state = seed;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            // Fisher-Yates with a fixed xorshift generator: the same order on every machine and runtime.
            for (var i = order.Length - 1; i > 0; i--)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                var j = (int)(state % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }

            var lr = rate / (1 + epoch * 0.1);
            foreach (var idx in order)
            {
                var ex = examples[idx];
                var z = 0.0;
                foreach (var f in ex.Features)
                {
                    z += w.GetValueOrDefault(f);
                }

                var p = 1 / (1 + Math.Exp(-z));
                var g = (ex.Label ? 1 : 0) - p;
                foreach (var f in ex.Features)
                {
                    var cur = w.GetValueOrDefault(f);
                    w[f] = cur + lr * (g - l2 * cur);
                }
            }
        }

        var rounded = w
            .Select(kv => (kv.Key, Value: Math.Round(kv.Value, 4)))
            .Where(kv => kv.Value != 0)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new LogisticModel(rounded);
    }

    // A model without actor weights hashes as it did in format v1, so old versions stay valid.
    private static string Hash(Dictionary<string, double> weights, Dictionary<string, double>? actors)
    {
        var sb = new StringBuilder();
        foreach (var kv in weights.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            sb.Append(kv.Key).Append('=').Append(kv.Value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        foreach (var kv in (actors ?? []).OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            sb.Append("actor:").Append(kv.Key).Append('=').Append(kv.Value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())), 0, 6).ToLowerInvariant();
    }

    /// <summary>The model file: sorted weights (format v2 adds "actor_weights"), so the same model is the same bytes.</summary>
    public string ToJson(string? description = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Actors is null ? FormatV1 : FormatV2);
            writer.WriteString("version", Version);
            if (description is not null)
            {
                writer.WriteString("description", description);
            }

            WriteWeights(writer, "weights", _weights);
            if (Actors is not null)
            {
                WriteWeights(writer, "actor_weights", Actors._weights);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteWeights(Utf8JsonWriter writer, string name, Dictionary<string, double> weights)
    {
        writer.WriteStartObject(name);
        foreach (var kv in weights.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(kv.Key, kv.Value);
        }

        writer.WriteEndObject();
    }

    private static Dictionary<string, double> ReadWeights(JsonElement element)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            weights[p.Name] = p.Value.GetDouble();
        }

        return weights;
    }

    /// <summary>Reads a model file; throws <see cref="FormatException"/> for anything else.</summary>
    public static LogisticModel FromJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var format = root.GetProperty("format").GetString();
            if (format is not (FormatV1 or FormatV2))
            {
                throw new FormatException($"not an {FormatV1} or {FormatV2} model");
            }

            var weights = ReadWeights(root.GetProperty("weights"));
            var actors = format == FormatV2 ? new LogisticModel(ReadWeights(root.GetProperty("actor_weights"))) : null;
            return new LogisticModel(weights, actors);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("model file is not valid: " + ex.Message, ex);
        }
    }
}
