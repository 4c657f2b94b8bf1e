using System.Text.Json.Serialization;

namespace Extraction.Model;

/// <summary>One mention of an investment or hardware fact in one article (a line of facts.jsonl, docs/contract.md).</summary>
public sealed record Fact(
    string Article,
    FactKind Kind,
    string? Actor,
    Amount? Amount,
    Count? Count,
    string? Unit,
    // Stored runs (Store/ResultCodec) name it "Model", as this property was called before.
    [property: JsonPropertyName("Model")] string? HardwareModel,
    string Text,
    string Sentence,
    int Start,
    double Confidence,
    FactExplanation? Explanation = null);
