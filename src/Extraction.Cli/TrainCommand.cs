using System.CommandLine;
using System.Globalization;
using Extraction.Evaluation;
using Extraction.Facts;
using Extraction.Fetch;
using Extraction.Ml;
using Extraction.Ml.Ner;
using Extraction.Output;
using Extraction.Pipeline;

namespace Extraction.Cli;

/// <summary>`extract train`: trains the fact model and its actor model with ML.NET from gold data and articles, deterministically.</summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("articles") { Description = "Article files or folders named in the gold data.", Arity = ArgumentArity.OneOrMore };
        var gold = new Option<string[]>("--gold") { Description = "Gold data (JSON Lines, docs/gold-format.md); repeat for several files.", Required = true };
        var cvGold = new Option<string[]>("--cv-gold") { Description = "Gold file whose articles are cross-validated by article (they are trained on too); repeat for several files; default: every gold article." };
        var modelPath = new Option<string>("--model") { Description = "Where to write the model (e.g. models/ml/fact-model.zip).", Required = true };
        var trainer = new Option<FactTrainerKind>("--trainer") { Description = "Trainer of the written model: FastTree (boosted trees, the default: it ties the rules in the cross-validation on the real news and pages, where L-BFGS falls below them) or Lbfgs (logistic regression).", DefaultValueFactory = _ => FactTrainerKind.FastTree };
        var folds = new Option<int>("--folds") { Description = "Cross-validate every trainer over the articles in k folds (by id; 0 or 1: none); does not change the model.", DefaultValueFactory = _ => 5 };
        var models = new Option<string?>("--models") { Description = "Folder with word lists overriding the shipped ones." };
        var noOrg = new Option<bool>("--no-org-model") { Description = "Train and score without the organisation recogniser (org-ner.tsv of --models) as an actor source." };
        var orgEverywhere = new Option<bool>("--org-everywhere") { Description = "Let the organisation recogniser propose names in every sentence with a figure (default: only where the gazetteer and the rules find no party)." };
        var command = new Command("train", "Train the fact model and its actor model (ML.NET FastTree or L-BFGS logistic regression) from gold data; prints cross-validated figures of rules alone and rules with each trainer.")
        {
            inputs, gold, cvGold, modelPath, trainer, folds, models, noOrg, orgEverywhere,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(folds) < 0)
            {
                await stderr.WriteLineAsync("extract train: --folds must not be negative.");
                return Cli.UsageError;
            }

            GoldSet goldSet;
            GoldSet? cvSet = null;
            try
            {
                var sets = parse.GetValue(gold)!.Select(GoldSet.Load).ToList();
                var cvSets = (parse.GetValue(cvGold) ?? []).Select(GoldSet.Load).ToList();
                if (cvSets.Count > 0)
                {
                    cvSet = new GoldSet(cvSets.SelectMany(s => s.Facts).ToList(), cvSets.SelectMany(s => s.Articles).ToHashSet(StringComparer.Ordinal));
                    sets.AddRange(cvSets);
                }

                goldSet = new GoldSet(sets.SelectMany(s => s.Facts).ToList(), sets.SelectMany(s => s.Articles).ToHashSet(StringComparer.Ordinal));
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync("extract train: " + ex.Message);
                return Cli.UsageError;
            }

            using var pipeline = Cli.TryBuild(new PipelineOptions { ModelsFolder = parse.GetValue(models), UseModel = false }, stderr);
            if (pipeline is null)
            {
                return Cli.UsageError;
            }

            var (items, failures) = InputResolver.Resolve(parse.GetValue(inputs)!);
            var results = await pipeline.ProcessAllAsync(items, ct);
            foreach (var f in failures.Concat(results.Where(r => r.Failure is not null).Select(r => r.Failure!)))
            {
                await stderr.WriteLineAsync($"extract: {f.Input}: {f.Reason}");
            }

            var articles = results.Where(r => r.Article is not null && goldSet.Articles.Contains(r.Article.Id)).Select(r => r.Article!).ToList();
            if (articles.Count == 0)
            {
                await stderr.WriteLineAsync("extract train: none of the articles is named in the gold data.");
                return Cli.UsageError;
            }

            var cvIds = (cvSet ?? goldSet).Articles;
            var cvCount = articles.Count(a => cvIds.Contains(a.Id));
            var k = parse.GetValue(folds);
            if (k > cvCount)
            {
                await stderr.WriteLineAsync($"extract train: --folds {k} is more than the {cvCount} articles to cross-validate.");
                return Cli.UsageError;
            }

            var store = pipeline.Models;
            var kind = parse.GetValue(trainer);
            FactModel model;
            TrainingReport report;
            try
            {
                (model, report) = await Task.Run(() => FactTrainer.Train(articles, goldSet, cvIds, ActorGazetteer.Load(store), CueLexicon.Load(store), kind, k,
                    org: parse.GetValue(noOrg) || OrgRecognizer.TryLoad(store) is not { } recognizer ? null : new OrgActorSource(recognizer, parse.GetValue(orgEverywhere) ? null : ActorGazetteer.Load(store))), ct);
            }
            catch (ArgumentException ex)
            {
                await stderr.WriteLineAsync($"extract train: cannot train ({ex.Message}): the articles (or a fold's training part) need candidates that are facts and candidates that are not; use more articles or fewer folds.");
                return Cli.UsageError;
            }

            using (model)
            {
                var path = parse.GetValue(modelPath)!;
                var goldNames = string.Join(", ", parse.GetValue(gold)!.Concat(parse.GetValue(cvGold) ?? []).Select(Path.GetFileName));
                var bytes = model.ToBytes($"trained by 'extract train --trainer {kind}' on {report.Articles} articles of {goldNames} ({report.Examples} candidates, {report.ActorExamples} candidate actors)");
                AtomicFile.Write(path, s => s.Write(bytes));
                await stdout.WriteLineAsync($"model {model.Version} ({kind}): {model.Size} features, threshold {model.Threshold.ToString("0.00", CultureInfo.InvariantCulture)}, L2 {report.L2.ToString("0.##", CultureInfo.InvariantCulture)} (chosen by {FactTrainer.InnerFolds}-fold cross-validation on the training articles), actor model {(model.Actors is null ? "none" : model.Actors.Size + " features")} -> {path}");
            }

            await stdout.WriteLineAsync($"trained on {report.Articles} articles: {report.Examples} candidates, {report.ActorExamples} candidate actors");
            if (report.CrossValidation is { } cv)
            {
                await stdout.WriteLineAsync($"{cv.Folds}-fold cross-validation by article over {cv.Articles} articles (each scored by models that never saw it; the model rows with the organisation recogniser {(cv.RulesWithOrg is null ? "off" : "on")}):");
                await stdout.WriteLineAsync("config                   amounts P  amounts R  amounts F1  amounts+actor F1  hardware F1");
                await Row("rules", cv.Rules);
                if (cv.RulesWithOrg is { } withOrg)
                {
                    await Row("rules+org", withOrg);
                }

                foreach (var t in cv.Trainers)
                {
                    var name = t.Trainer.ToString().ToLowerInvariant();
                    await Row($"rules+{name}", t.Facts);
                    await Row($"rules+{name}+actors", t.FactsAndActors);
                }

                await stdout.WriteLineAsync("actor ranking (gold facts whose gold actor is a candidate; right: rules' choice / actor model's top)");
                foreach (var t in cv.Trainers)
                {
                    await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-10} {1,4} facts  rules {2,4} right  model {3,4} right",
                        t.Trainer.ToString().ToLowerInvariant(), t.Ranking.Ranked, t.Ranking.RulesRight, t.Ranking.ModelRight));
                }
            }

            return 0;

            Task Row(string config, EvalReport e) => stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "{0,-24} {1,9:0.000} {2,10:0.000} {3,11:0.000} {4,17:0.000} {5,12:0.000}",
                config, e.Amounts.Precision, e.Amounts.Recall, e.Amounts.F1, e.AmountsWithActor.F1, e.Hardware.F1));
        });
        return command;
    }
}
