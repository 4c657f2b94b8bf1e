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
    private double? _threshold;

    /// <summary>Uses only the gazetteer for actors (no shipped or added sources), as the extractor did before the sources.</summary>
    public FactExtractorBuilder WithoutActorSources()
    {
        _sources.Clear();
        return this;
    }

    /// <summary>Decide with a trained scorer (and rank actors with its actor scorer, if it has one), from the scorer's own threshold unless one is given.</summary>
    public FactExtractorBuilder WithScorer(IFactScorer? scorer, double? threshold = null)
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
        var threshold = _threshold ?? _scorer?.Threshold ?? 0.5;
        if (threshold is < 0 or > 1 || double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(WithScorer), threshold, "the threshold is a probability in [0, 1]");
        }

        return new FactExtractor(actors, cues, _scorer, threshold, [.. _sources], ActorRules.Default);
    }
}
