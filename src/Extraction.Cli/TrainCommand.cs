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
        var models = new Option<string?>("--models") { Description = "Folder with word lists overriding the shipped ones." };
        var command = new Command("train", "Train the fact model (logistic regression) from gold data; prints training and held-out figures.") { inputs, gold, modelPath, holdOut, models };
        command.SetAction(async (parse, ct) =>
        {
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
            var (model, report) = FactTrainer.Train(articles, goldFacts, ActorGazetteer.Load(store), CueLexicon.Load(store), parse.GetValue(holdOut));
            var path = parse.GetValue(modelPath)!;
            AtomicFile.WriteText(path, model.ToJson($"trained by 'extract train' on {report.TrainArticles} articles ({report.TrainExamples} candidates); every {parse.GetValue(holdOut)}th article held out"));
            await stdout.WriteLineAsync($"model {model.Version}: {model.Size} weights -> {path}");
            await stdout.WriteLineAsync($"train: {report.TrainArticles} articles, {report.TrainExamples} candidates; held out: {report.HeldOutArticles} articles, {report.HeldOutExamples} candidates");
            await stdout.WriteLineAsync("part       config        amounts F1  amounts+actor F1  hardware F1");
            foreach (var (part, config, r) in new[]
            {
                ("train", "rules", report.RulesTrain), ("train", "rules+model", report.ModelTrain),
                ("held-out", "rules", report.RulesHeldOut), ("held-out", "rules+model", report.ModelHeldOut),
            })
            {
                await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-10} {1,-13} {2,10:0.000} {3,17:0.000} {4,12:0.000}",
                    part, config, r.Amounts.F1, r.AmountsWithActor.F1, r.Hardware.F1));
            }

            return 0;
        });
        return command;
    }
}
