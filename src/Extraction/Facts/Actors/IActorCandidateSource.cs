using Extraction.Text;

namespace Extraction.Facts.Actors;

/// <summary>
/// A source of the parties a sentence names (gazetteer, organisation-name patterns, a trained
/// recogniser). Register one with <see cref="FactExtractorBuilder.AddActorSource"/>; mentions of a
/// later source that overlap an earlier source's are dropped. Must be thread-safe.
/// </summary>
public interface IActorCandidateSource
{
    /// <summary>Adds to <paramref name="found"/> the actors named in one sentence's tokens (token indices into <paramref name="tokens"/>).</summary>
    void Find(string text, List<Token> tokens, List<ActorMention> found);
}

/// <summary>
/// A source that speaks only in sentences with a figure where neither the gazetteer nor the shipped sources
/// (<see cref="ActorSources.Default"/>) name a party. Where those run just before it on the same gazetteer, the
/// analyser already knows both answers and calls <see cref="FindUnclaimed"/>, sparing the source a second run of them.
/// </summary>
internal interface IFallbackActorSource : IActorCandidateSource
{
    /// <summary>The gazetteer whose finds silence the source, or null when it speaks in every figure sentence.</summary>
    ActorGazetteer? Gazetteer { get; }

    /// <summary>What <see cref="IActorCandidateSource.Find"/> adds, for a sentence known to hold a figure and no party of the gazetteer or the shipped sources.</summary>
    void FindUnclaimed(string text, List<Token> tokens, List<ActorMention> found);
}
