using Extraction.Model;

namespace Extraction.Facts;

/// <summary>A proposed fact with the features of its decision and its candidate actors (empty for "jeweils", which fans out by rule).</summary>
public sealed record CandidateFact(Fact Fact, bool Accepted, IReadOnlyList<string> Features, IReadOnlyList<ActorCandidate> Actors);
