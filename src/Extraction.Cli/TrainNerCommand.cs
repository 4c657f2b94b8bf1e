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
        var command = new Command("train-ner", "Train the organisation recogniser (an averaged structured perceptron over all GermEval labels, Viterbi-decoded) on GermEval 2014 data; prints held-out ORG figures.")
        {
            files, modelPath, holdOut, models,
        };
        command.SetAction(async (parse, ct) =>
        {
            var every = parse.GetValue(holdOut);
            if (every is < 0 or 1)
            {
                await stderr.WriteLineAsync("extract train-ner: --hold-out-every must be 0 (none) or at least 2.");
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

            var store = new ModelFiles(parse.GetValue(models));
            var description = $"trained by 'extract train-ner {string.Join(' ', paths.Select(Path.GetFileName))} --hold-out-every {every}' on {sentences.Count} sentences, every {every}th held out";
            var gazetteer = OrgRecognizer.GazetteerWords(store);
            var (model, score, trained, held) = await Task.Run(() => OrgTrainer.Train(sentences, gazetteer, every, description), ct);
            var path = parse.GetValue(modelPath)!;
            AtomicFile.WriteText(path, model.ToText());
            await stdout.WriteLineAsync($"org model: {model.Size} features -> {path}");
            await stdout.WriteLineAsync($"trained on {trained} sentences; held out {held}");
            if (held > 0)
            {
                await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                    "held-out ORG (exact span): gold {0}, predicted {1}, correct {2}; precision {3:0.000}, recall {4:0.000}, F1 {5:0.000}",
                    score.Gold, score.Predicted, score.Correct, score.Precision, score.Recall, score.F1));
                var heldOut = sentences.Where((_, i) => OrgTrainer.IsHeldOut(i, every)).ToList();
                foreach (var type in OtherClasses)
                {
                    var other = OrgTrainer.Score(model, gazetteer, heldOut, type);
                    await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "held-out {0} (exact span): gold {1}, precision {2:0.000}, recall {3:0.000}, F1 {4:0.000}",
                        type, other.Gold, other.Precision, other.Recall, other.F1));
                }
            }

            return 0;
        });
        return command;
    }
}
