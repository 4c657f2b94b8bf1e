// Several public types in one file, on purpose: a fact, its explanation, and the record it is
// deduplicated into with its sources are the output contract (CONTRACT.md), read together.

namespace Extraction.Model;

/// <summary>One mention of an investment or hardware fact in one article.</summary>
public sealed record Fact(
    string Article,
    FactKind Kind,
    string? Actor,
    Amount? Amount,
    Count? Count,
    string? Unit,
    string? Model,
    string Text,
    string Sentence,
    int Start,
    double Confidence,
    FactExplanation? Explanation = null);

/// <summary>Why a fact was emitted: the rule that proposed it and the strongest model features.</summary>
public sealed record FactExplanation(string Rule, string ActorRule, IReadOnlyList<string> Features);

/// <summary>Where a record's claim was seen.</summary>
public sealed record Source(string Article, string Sentence, string Text);

/// <summary>A deduplicated claim with all its sources.</summary>
public sealed record ClaimRecord(
    string Id,
    FactKind Kind,
    string? Actor,
    Amount? Amount,
    Count? Count,
    string? Unit,
    string? Model,
    IReadOnlyList<Source> Sources,
    int Mentions);
