using Extraction.Facts.Actors;
using Extraction.Facts.Actors.Rules;
using Extraction.Facts.Analysis;
using Extraction.Facts.Currency;
using Extraction.Facts.Decision;
using Extraction.Model;

namespace Extraction.Facts;

/// <summary>
/// Turns an article into facts, one decision after the other: analysis (sentences, figures, actors;
/// <see cref="ArticleAnalyzer"/>), currency (<see cref="CurrencyResolver"/>), investment or not
/// (<see cref="InvestmentDecision"/>, or a trained <see cref="IFactScorer"/> on <see cref="DecisionFeatures"/>),
/// the actor (<see cref="ActorLinker"/> with the rules of <see cref="ActorRules"/>), and consolidation.
/// Built by <see cref="FactExtractorBuilder"/>; thread-safe.
/// </summary>
public sealed class FactExtractor
{
    /// <summary>The probability from which a trained scorer overrules the rules' rejection of a candidate.</summary>
    public const double RejectionThreshold = 0.5;

    private readonly IFactScorer? _scorer;
    private readonly double _threshold;
    private readonly ArticleAnalyzer _analyzer;
    private readonly InvestmentDecision _decision;
    private readonly DecisionFeatures _features;
    private readonly ActorLinker _linker;
    private readonly bool _actorModel;
    private readonly CueSets _sets;

    /// <summary>The extractor with the shipped rules and sources (the scorer's own threshold unless one is given); see <see cref="FactExtractorBuilder"/> to add parts.</summary>
    public FactExtractor(ActorGazetteer actors, CueLexicon cues, IFactScorer? scorer = null, double? threshold = null)
        : this(actors, cues, scorer, threshold ?? scorer?.Threshold ?? 0.5, ActorSources.Default, ActorRules.Default)
    {
    }

    internal FactExtractor(
        ActorGazetteer actors, CueLexicon cues, IFactScorer? scorer, double threshold, IReadOnlyList<IActorCandidateSource> sources, IReadOnlyList<IActorRule> rules)
    {
        var sets = new CueSets(cues);
        _sets = sets;
        _scorer = scorer;
        _threshold = threshold;
        _analyzer = new ArticleAnalyzer(actors, sources, cues);
        _decision = new InvestmentDecision(sets);
        _features = new DecisionFeatures(sets);
        var mentions = new ActorMentions(actors, sets);
        _linker = new ActorLinker(mentions, new ActorCandidates(mentions, sets), rules, sets, scorer?.ActorScorer);
        _actorModel = scorer?.ActorScorer is not null;
    }

    /// <summary>The scorer in use, or null for rules only.</summary>
    public IFactScorer? Scorer => _scorer;

    /// <summary>Extracts the facts of one article.</summary>
    public List<Fact> Extract(Article article, bool explain = false)
    {
        // Without a scorer the decision features are never read: the facts alone leave them out.
        var candidates = Candidates(article, explain, actorCandidates: false, features: _scorer is not null);
        var facts = new List<Fact>(candidates.Count);
        foreach (var c in candidates)
        {
            if (c.Accepted)
            {
                facts.Add(c.Fact);
            }
        }

        return facts;
    }

    /// <summary>
    /// Every candidate with its features and decision (for training and --explain); with
    /// <paramref name="actorCandidates"/> (or an actor model) also each fact's candidate actors.
    /// </summary>
    public List<CandidateFact> ExtractCandidates(Article article, bool explain = false, bool actorCandidates = false) =>
        Candidates(article, explain, actorCandidates, features: true);

    /// <summary>Index of the top-scoring candidate; on a tie the rules' choice, then the earlier (nearer) candidate; -1 for none.</summary>
    public static int Top(IReadOnlyList<ActorCandidate> scored)
    {
        var best = scored.Count > 0 ? 0 : -1;
        for (var i = 1; i < scored.Count; i++)
        {
            if (scored[i].Score > scored[best].Score || (scored[i].Score == scored[best].Score && scored[i].RulesChoice && !scored[best].RulesChoice))
            {
                best = i;
            }
        }

        return best;
    }

    private List<CandidateFact> Candidates(Article article, bool explain, bool actorCandidates, bool features)
    {
        var ranking = actorCandidates || _actorModel;
        var sentences = _analyzer.Analyze(article.Text);
        var currency = CurrencyResolver.For(sentences);
        var context = ArticleContext.Of(sentences);
        var topic = new ArticleTopic(sentences, _sets);
        var results = new List<CandidateFact>();
        var strong = new List<bool>();
        var overridable = new List<bool>();
        for (var si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            foreach (var m in s.Money)
            {
                var retracted = s.IsRetracted(m.Start);
                if (currency.Resolve(m, retracted) is not { } code)
                {
                    continue;
                }

                var (first, last) = SentenceInfo.TokenRange(s.Tokens, m.Start, m.Start + m.Length);
                var near = _decision.NearestCues(s, first, last);
                var rule = _decision.Decide(s, first, last, FactKind.Investment, retracted, near, topic);
                IReadOnlyList<string> decisive = features ? _features.Features(s, first, last, FactKind.Investment, m.Evidence, retracted, rule, near, context.Protagonist) : [];
                var (accepted, confidence, top) = Decide(rule, decisive, explain);
                var amount = m.Amount with { Currency = code };
                foreach (var link in _linker.Link(sentences, si, first, last, null, context, FactKind.Investment, ranking, explain))
                {
                    var fact = new Fact(article.Id, FactKind.Investment, link.Actor, amount, null, null, null, m.Text, s.Text,
                        m.Start, confidence, explain ? ActorLinker.Explanation(rule.Text, link, top) : null);
                    results.Add(new CandidateFact(fact, accepted, decisive, link.Candidates));
                    strong.Add(link.Rule.IsStrong);
                    overridable.Add(link.Rule.Overridable);
                }
            }

            foreach (var h in s.Hardware)
            {
                var (first, last) = SentenceInfo.TokenRange(s.Tokens, h.Start, h.Start + h.Length);
                var retracted = s.IsRetracted(h.Start);
                var near = _decision.NearestCues(s, first, last);
                var rule = _decision.Decide(s, first, last, FactKind.Hardware, retracted, near);
                IReadOnlyList<string> decisive = features ? _features.Features(s, first, last, FactKind.Hardware, CurrencyEvidence.Explicit, retracted, rule, near, context.Protagonist) : [];
                var (accepted, confidence, top) = Decide(rule, decisive, explain);
                foreach (var link in _linker.Link(sentences, si, first, last, h.Vendor, context, FactKind.Hardware, ranking, explain))
                {
                    var fact = new Fact(article.Id, FactKind.Hardware, link.Actor, null, h.Count, h.Unit, h.HardwareModel, h.Text, s.Text,
                        h.Start, confidence, explain ? ActorLinker.Explanation(rule.Text, link, top) : null);
                    results.Add(new CandidateFact(fact, accepted, decisive, link.Candidates));
                    strong.Add(link.Rule.IsStrong);
                    overridable.Add(link.Rule.Overridable);
                }
            }
        }

        return Consolidation.Apply(results, strong, overridable);
    }

    private (bool Accepted, double Confidence, IReadOnlyList<string> Top) Decide(RuleVerdict rule, IReadOnlyList<string> features, bool explain)
    {
        if (_scorer is null)
        {
            return (rule.Accept, rule.Confidence, [rule.Text]);
        }

        // The strongest features are only needed for --explain; ranking them for every candidate costs time.
        var (p, top) = explain ? _scorer.Score(features) : (_scorer.Probability(features), []);
        // A candidate the rules accept stays a fact from the model's threshold (chosen in training for
        // precision); one they reject becomes a fact only from 0.5 and never against a veto.
        var accepted = rule.Accept ? p >= _threshold : p >= RejectionThreshold && !rule.Veto;
        return (accepted, Math.Round(p, 3), rule.Veto && explain ? [rule.Text, .. top] : top);
    }
}
