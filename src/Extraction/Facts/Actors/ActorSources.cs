using Extraction.Recognize;

namespace Extraction.Facts.Actors;

/// <summary>The actor candidate sources every extractor uses after the gazetteer, in order. A new source is one file and one line here (or <see cref="FactExtractorBuilder.AddActorSource"/>).</summary>
public static class ActorSources
{
    /// <summary>The shipped sources.</summary>
    public static IReadOnlyList<IActorCandidateSource> Default { get; } =
    [
        new OrganisationNames(),
    ];
}
