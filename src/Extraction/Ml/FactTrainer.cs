using Extraction.Evaluation;
using Extraction.Facts;
using Extraction.Model;

namespace Extraction.Ml;

/// <summary>Figures of one training run: rules alone and rules plus model, on training and held-out articles.</summary>
public sealed record TrainingReport(
    int TrainArticles,
    int HeldOutArticles,
    int TrainExamples,
    int HeldOutExamples,
    EvalReport RulesTrain,
    EvalReport ModelTrain,
    EvalReport RulesHeldOut,
    EvalReport ModelHeldOut);

/// <summary>
/// Trains the fact model: rules propose candidates (high recall), each labelled by whether gold has
/// a fact of that value in that article; every k-th article (in id order) is held out for an honest
/// comparison of rules alone and rules plus model.
/// </summary>
public static class FactTrainer
{
    /// <summary>Trains on the non-held-out articles and reports both configurations on both parts.</summary>
    public static (LogisticModel Model, TrainingReport Report) Train(
        IReadOnlyList<Article> articles,
        IReadOnlyList<GoldFact> gold,
        ActorGazetteer actors,
        CueLexicon cues,
        int holdOutEvery = 4)
    {
        var rules = new FactExtractor(actors, cues);
        var ordered = articles.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var heldOut = ordered.Where((_, i) => holdOutEvery > 0 && i % holdOutEvery == holdOutEvery - 1).ToList();
        var train = ordered.Except(heldOut).ToList();
        var goldByArticle = gold.GroupBy(g => g.Article).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        List<Example> Examples(IEnumerable<Article> part) => part
            .SelectMany(a => rules.ExtractCandidates(a).Select(c => new Example(c.Features, IsGold(c.Fact, goldByArticle.GetValueOrDefault(a.Id) ?? []))))
            .ToList();

        var trainExamples = Examples(train);
        var heldExamples = Examples(heldOut);
        var model = LogisticModel.Train(trainExamples);
        var withModel = new FactExtractor(actors, cues, model);

        EvalReport Score(FactExtractor extractor, List<Article> part)
        {
            var ids = part.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            return Scorer.Evaluate(gold.Where(g => ids.Contains(g.Article)).ToList(), part.SelectMany(a => extractor.Extract(a)).ToList());
        }

        var report = new TrainingReport(train.Count, heldOut.Count, trainExamples.Count, heldExamples.Count,
            Score(rules, train), Score(withModel, train), Score(rules, heldOut), Score(withModel, heldOut));
        return (model, report);
    }

    private static bool IsGold(Fact f, List<GoldFact> gold) =>
        gold.Any(g => g.Kind == f.Kind && (f.Kind == FactKind.Investment ? Scorer.AmountMatches(g, f) : Scorer.CountMatches(g, f)));
}
