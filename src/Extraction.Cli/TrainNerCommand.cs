using System.CommandLine;
using System.Globalization;
using Extraction.Ml.Ner;
using Extraction.Output;
using Extraction.Pipeline;

namespace Extraction.Cli;

/// <summary>`extract train-ner`: trains the German organisation recogniser on GermEval 2014 files, deterministically.</summary>
internal static class TrainNerCommand
{
    private static readonly string[] OtherClasses = ["LOC", "PER", "OTH"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files") { Description = "GermEval 2014 NER files (tab-separated), read in the order given.", Arity = ArgumentArity.OneOrMore };
        var modelPath = new Option<string>("--model") { Description = "Where to write the model (e.g. models/ml/org-ner.tsv).", Required = true };
        var holdOut = new Option<int>("--hold-out-every") { Description = "Hold out every k-th sentence (by position) and report ORG precision, recall and F1 on it.", DefaultValueFactory = _ => 5 };
        var models = new Option<string?>("--models") { Description = "Folder with word lists overriding the shipped ones (the actor gazetteer gives a feature)." };
        var clustersPath = new Option<string?>("--clusters") { Description = "Word clusters (from `extract train-clusters`) to use as features; the model then needs them beside it (models/ml/word-clusters.tsv)." };
        var epochsOption = new Option<int>("--epochs") { Description = "Passes over the training sentences.", DefaultValueFactory = _ => OrgTrainer.Epochs };
        var dev = new Option<int>("--dev-folds") { Description = "Model selection: cross-validate on the training part in k folds (fold j: the sentences at positions j, j+k, ...) and report the pooled development figures; the held-out part is neither trained on nor scored, and no model is written." };
        var command = new Command("train-ner", "Train the organisation recogniser (an averaged structured perceptron over all GermEval labels, Viterbi-decoded) on GermEval 2014 data; prints held-out ORG figures.")
        {
            files, modelPath, holdOut, models, clustersPath, epochsOption, dev,
        };
        command.SetAction(async (parse, ct) =>
        {
            var every = parse.GetValue(holdOut);
            if (every is < 0 or 1)
            {
                await stderr.WriteLineAsync("extract train-ner: --hold-out-every must be 0 (none) or at least 2.");
                return Cli.UsageError;
            }

            var epochs = parse.GetValue(epochsOption);
            if (epochs < 1)
            {
                await stderr.WriteLineAsync("extract train-ner: --epochs must be at least 1.");
                return Cli.UsageError;
            }

            var paths = parse.GetValue(files)!;
            List<TaggedSentence> sentences;
            try
            {
                sentences = GermEvalReader.Read(paths);
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync("extract train-ner: " + ex.Message);
                return Cli.UsageError;
            }

            WordClusters? clusters = null;
            if (parse.GetValue(clustersPath) is { } cp)
            {
                try
                {
                    clusters = WordClusters.Parse(await File.ReadAllTextAsync(cp, ct));
                }
                catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
                {
                    await stderr.WriteLineAsync($"extract train-ner: {cp}: {ex.Message}");
                    return Cli.UsageError;
                }
            }

            var store = new ModelFiles(parse.GetValue(models));
            var description = $"trained by 'extract train-ner {string.Join(' ', paths.Select(Path.GetFileName))} --hold-out-every {every}{(clusters is null ? "" : " --clusters " + Path.GetFileName(parse.GetValue(clustersPath)))}{(epochs == OrgTrainer.Epochs ? "" : $" --epochs {epochs}")}' on {sentences.Count} sentences, every {every}th held out";
            var gazetteer = OrgRecognizer.GazetteerWords(store);
            var folds = parse.GetValue(dev);

            if (folds is 1 or < 0)
            {
                await stderr.WriteLineAsync("extract train-ner: --dev-folds must be at least 2.");
                return Cli.UsageError;
            }

            if (folds > 0)
            {
                var training = sentences.Where((_, i) => !OrgTrainer.IsHeldOut(i, every)).ToList();
                var pooled = await Task.Run(() => OrgTrainer.CrossValidate(training, gazetteer, folds, clusters, epochs), ct);
                await stdout.WriteLineAsync($"development: {folds} folds over the {training.Count} training sentences (held-out part neither trained on nor scored)");
                foreach (var (type, sc) in pooled)
                {
                    await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                        "development {6} (exact span): gold {0}, predicted {1}, correct {2}; precision {3:0.000}, recall {4:0.000}, F1 {5:0.000}",
                        sc.Gold, sc.Predicted, sc.Correct, sc.Precision, sc.Recall, sc.F1, type));
                }

                return 0;
            }

            const string part = "held-out";

            var (model, score, trained, held) = await Task.Run(() => OrgTrainer.Train(sentences, gazetteer, every, description, epochs, clusters: clusters), ct);
            var path = parse.GetValue(modelPath)!;
            AtomicFile.WriteText(path, model.ToText());
            await stdout.WriteLineAsync($"org model: {model.Size} features -> {path}");
            await stdout.WriteLineAsync($"trained on {trained} sentences; {part} {held}");
            if (held > 0)
            {
                await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                    "{6} ORG (exact span): gold {0}, predicted {1}, correct {2}; precision {3:0.000}, recall {4:0.000}, F1 {5:0.000}",
                    score.Gold, score.Predicted, score.Correct, score.Precision, score.Recall, score.F1, part));
                var heldOut = sentences.Where((_, i) => OrgTrainer.IsHeldOut(i, every)).ToList();
                foreach (var type in OtherClasses)
                {
                    var other = OrgTrainer.Score(model, gazetteer, heldOut, type);
                    await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{5} {0} (exact span): gold {1}, precision {2:0.000}, recall {3:0.000}, F1 {4:0.000}",
                        type, other.Gold, other.Precision, other.Recall, other.F1, part));
                }

                var (micros, tokens) = TaggingCost(new OrgRecognizer(model, gazetteer), heldOut);
                await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "tagging: {0:0.00} microseconds of CPU per token ({1} tokens of the {2} part: features, tagging and spans)", micros, tokens, part));
            }

            return 0;
        });
        return command;
    }

    /// <summary>CPU time per token of tagging sentences (after one warm-up pass, repeated for at least a second of CPU).</summary>
    private static (double Micros, long Tokens) TaggingCost(OrgRecognizer recognizer, List<TaggedSentence> sentences)
    {
        var sink = 0L;
        foreach (var s in sentences)
        {
            sink += recognizer.Tag(s.Tokens).Count;
        }

        var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var start = process.TotalProcessorTime;
        var tokens = 0L;
        TimeSpan spent;
        do
        {
            foreach (var s in sentences)
            {
                sink += recognizer.Tag(s.Tokens).Count;
                tokens += s.Tokens.Count;
            }

            process.Refresh();
            spent = process.TotalProcessorTime - start;
        }
        while (spent < TimeSpan.FromSeconds(1));

        GC.KeepAlive(sink);
        return (spent.TotalMicroseconds / tokens, tokens);
    }
}
