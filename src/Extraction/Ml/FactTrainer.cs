using Extraction.Evaluation;
using Extraction.Facts;
using Extraction.Facts.Actors;
using Extraction.Facts.Decision;
using Extraction.Model;

namespace Extraction.Ml;

/// <summary>
/// Trains the fact model and its actor model with ML.NET: rules propose candidates (high recall), each
/// labelled by whether gold has a counted fact of that value in that article (candidates matching only
/// a borderline or conversion line are left out); each candidate actor of such a fact is labelled by
/// whether it names gold's actor (or an alternative). Cross-validation is by article over the chosen
/// articles (fold = position in id order modulo k): each fold's models train on every other gold
/// article (the samples included) and score the fold's articles; the pooled facts are scored.
/// </summary>
public static class FactTrainer
{
    /// <summary>Trains the shipped model on every gold article and cross-validates every trainer over <paramref name="cvArticles"/>.</summary>
    public static (FactModel Model, TrainingReport Report) Train(
        IReadOnlyList<Article> articles,
        GoldSet gold,
        IReadOnlySet<string> cvArticles,
        ActorGazetteer actors,
        CueLexicon cues,
        FactTrainerKind trainer,
        int folds = 5,
        IReadOnlyList<FactTrainerKind>? compare = null,
        IActorCandidateSource? org = null)
    {
        // The models are trained and scored with the organisation recogniser when there is one (as they run); "rules" is the rules without it.
        FactExtractor Extractor(IFactScorer? scorer, bool withOrg)
        {
            var builder = new FactExtractorBuilder(actors, cues).WithScorer(scorer);
            return withOrg && org is not null ? builder.AddActorSource(org).Build() : builder.Build();
        }

        var rules = Extractor(null, withOrg: false);
        var rulesWithOrg = Extractor(null, withOrg: true);
        var ordered = articles.Where(a => gold.Articles.Contains(a.Id)).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var goldByArticle = gold.Facts.GroupBy(g => g.Article).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var candidates = ordered.ToDictionary(a => a.Id, a => rulesWithOrg.ExtractCandidates(a, actorCandidates: true), StringComparer.Ordinal);
        List<GoldFact> GoldOf(Article a) => goldByArticle.GetValueOrDefault(a.Id) ?? [];

        List<Example> FactExamples(IEnumerable<Article> part) => part
            .SelectMany(a => candidates[a.Id].Select(c => (c, label: Label(c.Fact, GoldOf(a)))))
            .Where(x => x.label is not null)
            .Select(x => new Example(x.c.Features, x.label!.Value))
            .ToList();

        List<Example> ActorExamplesOf(IEnumerable<Article> part) => part
            .SelectMany(a => candidates[a.Id].SelectMany(c => ActorExamples(c, GoldOf(a))))
            .ToList();

        // The threshold (and L-BFGS's L2) chosen on the training part alone: inner folds by article, each
        // candidate of an inner fold scored by a model of the other inner folds; the setting whose facts
        // score best on the part's articles to cross-validate (the real ones: amounts and hardware pooled;
        // ties: the threshold nearest 0.5, then the L2 nearest 1). The outer test fold is never part of it.
        (double Threshold, float L2) Tune(IReadOnlyList<Article> part, FactTrainerKind kind)
        {
            var inner = Math.Min(InnerFolds, part.Count);
            var scoredIds = part.Where(a => cvArticles.Contains(a.Id)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var innerGold = new GoldSet(gold.Facts.Where(g => scoredIds.Contains(g.Article)).ToList(), scoredIds);
            var best = (F1: -1.0, Threshold: FactModel.DefaultThreshold, L2: 1f);
            foreach (var l2 in kind == FactTrainerKind.Lbfgs ? L2Choices : [1f])
            {
                var scored = new List<(Fact Fact, double P, bool RulesAccept, bool Veto)>();
                for (var i = 0; i < inner; i++)
                {
                    var examples = FactExamples(part.Where((_, j) => j % inner != i));
                    if (!examples.Exists(e => e.Label) || !examples.Exists(e => !e.Label))
                    {
                        continue;
                    }

                    using var model = FactModel.Train(examples, kind, null, l2);
                    foreach (var a in part.Where((_, j) => j % inner == i && scoredIds.Contains(part[j].Id)))
                    {
                        foreach (var c in candidates[a.Id])
                        {
                            scored.Add((c.Fact, model.Probability(c.Features), c.Accepted, Vetoed(c.Features)));
                        }
                    }
                }

                foreach (var t in Thresholds)
                {
                    var report = Scorer.Evaluate(innerGold, scored.Where(x => x.RulesAccept ? x.P >= t : x.P >= FactExtractor.RejectionThreshold && !x.Veto).Select(x => x.Fact).ToList());
                    var f1 = report.Amounts.Add(report.Hardware with { Name = report.Amounts.Name }).F1;
                    if (f1 > best.F1 + 1e-9 || (Math.Abs(f1 - best.F1) <= 1e-9 && (Math.Abs(t - 0.5) < Math.Abs(best.Threshold - 0.5) - 1e-9
                        || (Math.Abs(Math.Abs(t - 0.5) - Math.Abs(best.Threshold - 0.5)) <= 1e-9 && Math.Abs(l2 - 1) < Math.Abs(best.L2 - 1)))))
                    {
                        best = (f1, t, l2);
                    }
                }
            }

            return (best.Threshold, best.L2);
        }

        FactModel Fit(IReadOnlyList<Article> part, FactTrainerKind kind, out float l2)
        {
            var actorExamples = ActorExamplesOf(part);
            var actorModel = actorExamples.Any(e => e.Label) && actorExamples.Any(e => !e.Label) ? FactModel.Train(actorExamples, kind) : null;
            (var threshold, l2) = Tune(part, kind);
            return FactModel.Train(FactExamples(part), kind, actorModel, l2).WithThreshold(threshold);
        }

        RankingScore Rank(FactModel model, IEnumerable<Article> part)
        {
            int ranked = 0, rulesRight = 0, modelRight = 0;
            foreach (var a in part)
            {
                foreach (var c in candidates[a.Id])
                {
                    var labels = ActorExamples(c, GoldOf(a)).Select(e => e.Label).ToList();
                    if (labels.Count == 0)
                    {
                        continue;
                    }

                    ranked++;
                    var rulesChoice = c.Actors.ToList().FindIndex(x => x.RulesChoice);
                    rulesRight += rulesChoice >= 0 && labels[rulesChoice] ? 1 : 0;
                    var top = model.Actors is null ? rulesChoice
                        : ActorLinker.Choose([.. c.Actors.Select(x => x with { Score = Math.Round(model.Actors.Probability(x.Features), 3) })]);
                    modelRight += top >= 0 && labels[top] ? 1 : 0;
                }
            }

            return new RankingScore(ranked, rulesRight, modelRight);
        }

        CrossValidation? cv = null;
        var cvOrdered = ordered.Where(a => cvArticles.Contains(a.Id)).ToList();
        if (folds >= 2 && cvOrdered.Count >= folds)
        {
            var kinds = compare ?? Enum.GetValues<FactTrainerKind>();
            var pooledRules = new List<Fact>();
            var pooledRulesWithOrg = new List<Fact>();
            var pooled = kinds.ToDictionary(k => k, _ => (Facts: new List<Fact>(), Both: new List<Fact>(), Ranking: new RankingScore(0, 0, 0)));
            for (var f = 0; f < folds; f++)
            {
                var test = cvOrdered.Where((_, i) => i % folds == f).ToList();
                var testIds = test.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
                var trainPart = ordered.Where(a => !testIds.Contains(a.Id)).ToList();
                pooledRules.AddRange(test.SelectMany(a => rules.Extract(a)));
                pooledRulesWithOrg.AddRange(test.SelectMany(a => rulesWithOrg.Extract(a)));
                foreach (var kind in kinds)
                {
                    using var model = Fit(trainPart, kind, out _);
                    var factsOnly = Extractor(model.WithActors(null), withOrg: true);
                    var both = Extractor(model, withOrg: true);
                    var p = pooled[kind];
                    p.Facts.AddRange(test.SelectMany(a => factsOnly.Extract(a)));
                    p.Both.AddRange(test.SelectMany(a => both.Extract(a)));
                    var r = Rank(model, test);
                    pooled[kind] = p with { Ranking = new RankingScore(p.Ranking.Ranked + r.Ranked, p.Ranking.RulesRight + r.RulesRight, p.Ranking.ModelRight + r.ModelRight) };
                }
            }

            var cvIds = cvOrdered.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var cvGold = new GoldSet(gold.Facts.Where(g => cvIds.Contains(g.Article)).ToList(), cvIds);
            cv = new CrossValidation(folds, cvOrdered.Count, Scorer.Evaluate(cvGold, pooledRules), org is null ? null : Scorer.Evaluate(cvGold, pooledRulesWithOrg),
                kinds.Select(k => new TrainerScore(k, Scorer.Evaluate(cvGold, pooled[k].Facts), Scorer.Evaluate(cvGold, pooled[k].Both), pooled[k].Ranking)).ToList());
        }

        var shipped = Fit(ordered, trainer, out var shippedL2);
        return (shipped, new TrainingReport(ordered.Count, FactExamples(ordered).Count, ActorExamplesOf(ordered).Count, cv) { L2 = shippedL2 });
    }

    /// <summary>Inner folds of the choice of threshold and L2 on a training part.</summary>
    public const int InnerFolds = 5;

    private static readonly float[] L2Choices = [0.1f, 1f, 10f];

    private static readonly double[] Thresholds = [.. Enumerable.Range(1, 19).Select(i => i * 0.05)];

    // The rules' veto, read back from a candidate's features (the rule's identity and verdict are among them).
    private static bool Vetoed(IReadOnlyList<string> features)
    {
        var reject = false;
        DecisionRule? rule = null;
        foreach (var f in features)
        {
            reject |= f == "rule=reject";
            if (f.StartsWith("rule-id=", StringComparison.Ordinal) && Enum.TryParse<DecisionRule>(f["rule-id=".Length..], out var r))
            {
                rule = r;
            }
        }

        return reject && rule is { } id && new RuleVerdict(false, 0, id).Veto;
    }

    /// <summary>
    /// One example per candidate actor of a fact that gold has (by value): is it gold's actor? A gold
    /// fact without an actor teaches that the rules' "nobody" (a candidate when the rules found no party)
    /// is right and every named candidate wrong. Facts whose gold actor is none of the candidates teach
    /// nothing about ranking and are left out.
    /// </summary>
    public static IEnumerable<Example> ActorExamples(CandidateFact candidate, IReadOnlyList<GoldFact> gold)
    {
        var matching = gold.Where(g => Matches(g, candidate.Fact)).ToList();
        if (matching.Count == 0 || candidate.Actors.Count == 0)
        {
            return [];
        }

        var labels = candidate.Actors.Select(a => matching.Any(g => Scorer.ActorMatches(g, a.Name))).ToList();
        return labels.Contains(true) ? candidate.Actors.Select((a, i) => new Example(a.Features, labels[i])).ToList() : [];
    }

    // True when gold counts a fact of this value, false when it has none, null when only a borderline or conversion line matches (no label).
    private static bool? Label(Fact f, List<GoldFact> gold)
    {
        var matching = gold.Where(g => Matches(g, f)).ToList();
        return matching.Any(g => g.Counted) ? true : matching.Count > 0 ? null : false;
    }

    private static bool Matches(GoldFact g, Fact f) =>
        g.Kind == f.Kind && (f.Kind == FactKind.Investment ? Scorer.AmountMatches(g, f) : Scorer.CountMatches(g, f));
}
