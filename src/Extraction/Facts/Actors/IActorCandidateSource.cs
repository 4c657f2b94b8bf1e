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
