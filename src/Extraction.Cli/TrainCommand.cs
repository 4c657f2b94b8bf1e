using System.CommandLine;
using System.Globalization;
using Extraction.Evaluation;
using Extraction.Facts;
using Extraction.Fetch;
using Extraction.Ml;
using Extraction.Output;
using Extraction.Pipeline;

namespace Extraction.Cli;

/// <summary>`extract train`: trains the fact model from gold data and articles, deterministically.</summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("articles") { Description = "Article files or folders named in the gold data.", Arity = ArgumentArity.OneOrMore };
        var gold = new Option<string>("--gold") { Description = "Gold data (JSON Lines).", Required = true };
        var modelPath = new Option<string>("--model") { Description = "Where to write the model (e.g. models/fact-model.json).", Required = true };
        var holdOut = new Option<int>("--hold-out-every") { Description = "Hold out every k-th article (by id) for evaluation; 0 trains on all.", DefaultValueFactory = _ => 4 };
        var folds = new Option<int>("--folds") { Description = "Also cross-validate over articles in k folds (by id; 0 or 1: none); does not change the model.", DefaultValueFactory = _ => 5 };
        var models = new Option<string?>("--models") { Description = "Folder with word lists overriding the shipped ones." };
        var command = new Command("train", "Train the fact model and its actor model (logistic regression) from gold data; prints training, held-out and cross-validation figures.")
        {
            inputs, gold, modelPath, holdOut, folds, models,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(holdOut) < 0 || parse.GetValue(folds) < 0)
            {
                await stderr.WriteLineAsync("extract train: --hold-out-every and --folds must not be negative.");
                return Cli.UsageError;
            }

            List<GoldFact> goldFacts;
            try
            {
                goldFacts = JsonFormats.ReadLines(parse.GetValue(gold)!, GoldFact.Read).ToList();
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

            var articles = results.Where(r => r.Article is not null).Select(r => r.Article!).ToList();
            var goldIds = goldFacts.Select(g => g.Article).ToHashSet(StringComparer.Ordinal);
            articles = articles.Where(a => goldIds.Contains(a.Id)).ToList();
            if (articles.Count == 0)
            {
                await stderr.WriteLineAsync("extract train: none of the articles is named in the gold data.");
                return Cli.UsageError;
            }

            var store = pipeline.Models;
            var k = parse.GetValue(folds);
            if (k > articles.Count)
            {
                await stderr.WriteLineAsync($"extract train: --folds {k} is more than the {articles.Count} articles.");
                return Cli.UsageError;
            }

            var every = parse.GetValue(holdOut);
            var (model, report) = FactTrainer.Train(articles, goldFacts, ActorGazetteer.Load(store), CueLexicon.Load(store), every, k);
            var path = parse.GetValue(modelPath)!;
            AtomicFile.WriteText(path, model.ToJson($"trained by 'extract train' on {report.Train.Articles} articles ({report.TrainExamples} candidates, {report.ActorExamples} candidate actors); every {every}th article held out"));
            await stdout.WriteLineAsync($"model {model.Version}: {model.Size} weights, {model.Actors?.Size ?? 0} actor weights -> {path}");
            await stdout.WriteLineAsync($"train: {report.Train.Articles} articles, {report.TrainExamples} candidates, {report.ActorExamples} candidate actors; held out: {report.HeldOut.Articles} articles, {report.HeldOutExamples} candidates");
            await stdout.WriteLineAsync("part       config              amounts F1  amounts+actor F1  hardware F1");
            var parts = new List<(string, PartReport)> { ("train", report.Train), ("held-out", report.HeldOut) };
            if (report.CrossValidation is { } cv)
            {
                parts.Add(($"{report.Folds}-fold", cv));
            }

            foreach (var (part, r) in parts)
            {
                foreach (var (config, e) in new[] { ("rules", r.Rules), ("rules+model", r.Model), ("rules+model+actors", r.ModelWithActors) })
                {
                    await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-10} {1,-19} {2,10:0.000} {3,17:0.000} {4,12:0.000}",
                        part, config, e.Amounts.F1, e.AmountsWithActor.F1, e.Hardware.F1));
                }
            }

            await stdout.WriteLineAsync("actor ranking (mentions of gold facts whose gold actor is a candidate; right: rules' choice / actor model's top)");
            foreach (var (part, r) in parts)
            {
                await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-10} {1,4} mentions  rules {2,4} right  model {3,4} right",
                    part, r.Ranked, r.RulesRankedRight, r.ModelRankedRight));
            }

            return 0;
        });
        return command;
    }
}
