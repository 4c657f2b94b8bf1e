using Extraction.Facts.Actors.Rules;

namespace Extraction.Facts;

/// <summary>A party a fact could be linked to: its name (null: no actor), the rule that proposes it, its features and, with a model, its score.</summary>
public sealed record ActorCandidate(string? Name, ActorRule Rule, bool RulesChoice, IReadOnlyList<string> Features, double Score = 0);
