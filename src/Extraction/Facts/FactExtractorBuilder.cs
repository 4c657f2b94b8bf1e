using Extraction.Facts.Actors;
using Extraction.Facts.Actors.Rules;

namespace Extraction.Facts;

/// <summary>
/// Composes a <see cref="FactExtractor"/>: the gazetteer and cue words, a scorer (rules only without
/// one), and further actor candidate sources (organisation names, a trained recogniser). Options are
/// checked when <see cref="Build"/> runs; the extractor it builds is immutable and thread-safe.
/// </summary>
public sealed class FactExtractorBuilder(ActorGazetteer actors, CueLexicon cues)
{
    private readonly List<IActorCandidateSource> _sources = [.. ActorSources.Default];
    private IFactScorer? _scorer;
    private double _threshold = 0.5;

    /// <summary>Uses only the gazetteer for actors (no shipped or added sources), as the extractor did before the sources.</summary>
    public FactExtractorBuilder WithoutActorSources()
    {
        _sources.Clear();
        return this;
    }

    /// <summary>Decide with a trained scorer (and rank actors with its actor scorer, if it has one).</summary>
    public FactExtractorBuilder WithScorer(IFactScorer? scorer, double threshold = 0.5)
    {
        _scorer = scorer;
        _threshold = threshold;
        return this;
    }

    /// <summary>Adds a source of actor mentions after the gazetteer and the shipped sources (and after those added before it).</summary>
    public FactExtractorBuilder AddActorSource(IActorCandidateSource source)
    {
        _sources.Add(source ?? throw new ArgumentNullException(nameof(source)));
        return this;
    }

    /// <summary>Builds the extractor.</summary>
    public FactExtractor Build()
    {
        if (_threshold is < 0 or > 1 || double.IsNaN(_threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(WithScorer), _threshold, "the threshold is a probability in [0, 1]");
        }

        return new FactExtractor(actors, cues, _scorer, _threshold, [.. _sources], ActorRules.Default);
    }
}
