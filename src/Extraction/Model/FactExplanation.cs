namespace Extraction.Model;

/// <summary>Why a fact was emitted: the rule that proposed it and the strongest model features.</summary>
public sealed record FactExplanation(string Rule, string ActorRule, IReadOnlyList<string> Features);
