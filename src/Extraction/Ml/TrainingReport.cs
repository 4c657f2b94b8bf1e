// The figures of one training run: four small records that only make sense together (a report, its
// cross-validation, one trainer's scores, the actor ranking), kept in one file.

using Extraction.Evaluation;

namespace Extraction.Ml;

/// <summary>Actor ranking on gold facts whose gold actor is among the candidates: how many the rules' choice and the model's top candidate get right.</summary>
public sealed record RankingScore(int Ranked, int RulesRight, int ModelRight);

/// <summary>Cross-validated figures of one trainer: facts decided by its model, facts and actors, and its actor ranking.</summary>
public sealed record TrainerScore(FactTrainerKind Trainer, EvalReport Facts, EvalReport FactsAndActors, RankingScore Ranking);

/// <summary>Figures pooled over the folds: every cross-validated article scored once by a model that never saw it.</summary>
public sealed record CrossValidation(int Folds, int Articles, EvalReport Rules, EvalReport? RulesWithOrg, IReadOnlyList<TrainerScore> Trainers);

/// <summary>Figures of one training run: examples of the shipped model and the cross-validation.</summary>
public sealed record TrainingReport(int Articles, int Examples, int ActorExamples, CrossValidation? CrossValidation)
{
    /// <summary>The L2 regularisation of the shipped fact model (chosen with its threshold by inner cross-validation; 1 for FastTree).</summary>
    public float L2 { get; init; } = 1f;
}
