using Extraction.Evaluation;
using Extraction.Facts;
using Extraction.Model;

namespace Extraction.Ml;

/// <summary>
/// Figures of one part of the articles: rules alone, rules plus the fact model, and plus the actor
/// model too; and the ranking alone: of the mentions whose gold actor is among the candidates, how
/// many the rules' choice and the actor model's top candidate get right.
/// </summary>
public sealed record PartReport(int Articles, EvalReport Rules, EvalReport Model, EvalReport ModelWithActors, int Ranked, int RulesRankedRight, int ModelRankedRight);

/// <summary>Figures of one training run: training and held-out parts, and k-fold cross-validation when asked for.</summary>
public sealed record TrainingReport(
    int TrainExamples,
    int HeldOutExamples,
    int ActorExamples,
    PartReport Train,
    PartReport HeldOut,
    int Folds,
    PartReport? CrossValidation);

/// <summary>
/// Trains the fact model and its actor model: rules propose candidates (high recall), each labelled
/// by whether gold has a fact of that value in that article; each candidate actor of such a fact is
/// labelled by whether it names gold's actor (or an alternative). Every k-th article (in id order)
/// is held out for an honest comparison of rules alone and rules plus model; with folds, every
/// article is held out once (fold = position in id order modulo k) and the pooled facts are scored.
/// </summary>
public static class FactTrainer
{
    /// <summary>
    /// L2 of the actor model: a few hundred candidates cannot carry rare features, so strong
    /// regularisation keeps the model close to the rules' choice. Chosen by 5-fold cross-validation
    /// on the samples among 1e-4, 1e-3, 1e-2, 3e-2 and 1e-1: weaker values let the model override
    /// correct rules' choices in articles it had not seen.
    /// </summary>
    public const double ActorL2 = 1e-1;

    /// <summary>Trains on the non-held-out articles and reports the configurations on both parts (and across folds).</summary>
    public static (LogisticModel Model, TrainingReport Report) Train(
        IReadOnlyList<Article> articles,
        IReadOnlyList<GoldFact> gold,
        ActorGazetteer actors,
        CueLexicon cues,
        int holdOutEvery = 4,
        int folds = 0)
    {
        var rules = new FactExtractor(actors, cues);
        var ordered = articles.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var goldByArticle = gold.GroupBy(g => g.Article).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var candidates = ordered.ToDictionary(a => a.Id, a => rules.ExtractCandidates(a, actorCandidates: true), StringComparer.Ordinal);
        List<GoldFact> GoldOf(Article a) => goldByArticle.GetValueOrDefault(a.Id) ?? [];

        List<Example> FactExamples(IEnumerable<Article> part) => part
            .SelectMany(a => candidates[a.Id].Select(c => new Example(c.Features, IsGold(c.Fact, GoldOf(a)))))
            .ToList();

        List<Example> ActorExamplesOf(IEnumerable<Article> part) => part
            .SelectMany(a => candidates[a.Id].SelectMany(c => ActorExamples(c, GoldOf(a))))
            .ToList();

        LogisticModel Fit(IEnumerable<Article> part)
        {
            var list = part.ToList();
            var actorExamples = ActorExamplesOf(list);
            return LogisticModel.Train(FactExamples(list)).WithActors(actorExamples.Count > 0 ? LogisticModel.Train(actorExamples, l2: ActorL2) : null);
        }

        EvalReport Score(IEnumerable<Fact> facts, IEnumerable<Article> part)
        {
            var ids = part.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            return Scorer.Evaluate(gold.Where(g => ids.Contains(g.Article)).ToList(), facts.ToList());
        }

        (List<Fact> Rules, List<Fact> Model, List<Fact> Both) Predict(LogisticModel model, List<Article> part)
        {
            var factsOnly = new FactExtractor(actors, cues, model.WithActors(null));
            var both = new FactExtractor(actors, cues, model);
            return (part.SelectMany(a => rules.Extract(a)).ToList(), part.SelectMany(a => factsOnly.Extract(a)).ToList(), part.SelectMany(a => both.Extract(a)).ToList());
        }

        (int Ranked, int Rules, int Model) Rank(LogisticModel model, IEnumerable<Article> part)
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
                        : FactExtractor.Top(c.Actors.Select(x => x with { Score = Math.Round(model.Actors.Probability(x.Features), 3) }).ToList());
                    modelRight += top >= 0 && labels[top] ? 1 : 0;
                }
            }

            return (ranked, rulesRight, modelRight);
        }

        PartReport Report(LogisticModel model, List<Article> part)
        {
            var (r, m, b) = Predict(model, part);
            var (ranked, rulesRight, modelRight) = Rank(model, part);
            return new PartReport(part.Count, Score(r, part), Score(m, part), Score(b, part), ranked, rulesRight, modelRight);
        }

        var heldOut = ordered.Where((_, i) => holdOutEvery > 0 && i % holdOutEvery == holdOutEvery - 1).ToList();
        var train = ordered.Except(heldOut).ToList();
        var model = Fit(train);

        PartReport? crossValidation = null;
        if (folds >= 2)
        {
            var pooled = (Rules: new List<Fact>(), Model: new List<Fact>(), Both: new List<Fact>());
            int ranked = 0, rulesRight = 0, modelRight = 0;
            for (var f = 0; f < folds; f++)
            {
                var test = ordered.Where((_, i) => i % folds == f).ToList();
                var foldModel = Fit(ordered.Except(test));
                var (r, m, b) = Predict(foldModel, test);
                pooled.Rules.AddRange(r);
                pooled.Model.AddRange(m);
                pooled.Both.AddRange(b);
                var rank = Rank(foldModel, test);
                ranked += rank.Ranked;
                rulesRight += rank.Rules;
                modelRight += rank.Model;
            }

            crossValidation = new PartReport(ordered.Count, Score(pooled.Rules, ordered), Score(pooled.Model, ordered), Score(pooled.Both, ordered),
                ranked, rulesRight, modelRight);
        }

        var report = new TrainingReport(FactExamples(train).Count, FactExamples(heldOut).Count, ActorExamplesOf(train).Count,
            Report(model, train), Report(model, heldOut), folds, crossValidation);
        return (model, report);
    }

    /// <summary>
    /// One example per candidate actor of a fact that gold has (by value): is it gold's actor? Facts
    /// whose gold actor is none of the candidates teach nothing about ranking and are left out.
    /// </summary>
    public static IEnumerable<Example> ActorExamples(CandidateFact candidate, IReadOnlyList<GoldFact> gold)
    {
        var matching = gold.Where(g => g.Kind == candidate.Fact.Kind && (candidate.Fact.Kind == FactKind.Investment
            ? Scorer.AmountMatches(g, candidate.Fact) : Scorer.CountMatches(g, candidate.Fact))).ToList();
        if (matching.Count == 0 || candidate.Actors.Count == 0)
        {
            return [];
        }

        var labels = candidate.Actors.Select(a => matching.Any(g => Scorer.ActorMatches(g, a.Name))).ToList();
        return labels.Contains(true) ? candidate.Actors.Select((a, i) => new Example(a.Features, labels[i])).ToList() : [];
    }

    private static bool IsGold(Fact f, List<GoldFact> gold) =>
        gold.Any(g => g.Kind == f.Kind && (f.Kind == FactKind.Investment ? Scorer.AmountMatches(g, f) : Scorer.CountMatches(g, f)));
}
