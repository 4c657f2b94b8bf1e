using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Extraction.Ml.Ner;
using Extraction.Output;

namespace Extraction.Cli;

/// <summary>`extract train-clusters`: builds the word clusters of the organisation recogniser from unlabelled text, deterministically.</summary>
internal static class TrainClustersCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Unlabelled text: files (.txt and .md: their lines; .html and .htm: their paragraphs and headings) or folders of them.", Arity = ArgumentArity.ZeroOrMore };
        var germEval = new Option<string[]>("--germeval") { Description = "GermEval 2014 files whose tokens (not labels) are read too.", AllowMultipleArgumentsPerToken = true };
        var outPath = new Option<string>("--out") { Description = "Where to write the clusters (e.g. models/ml/word-clusters.tsv).", Required = true };
        var command = new Command("train-clusters", "Build word clusters (spherical k-means over neighbour contexts, two levels) from unlabelled German text, for the organisation recogniser's features.")
        {
            inputs, germEval, outPath,
        };
        command.SetAction(async (parse, ct) =>
        {
            var texts = parse.GetValue(inputs) ?? [];
            var tsv = parse.GetValue(germEval) ?? [];
            if (texts.Length + tsv.Length == 0)
            {
                await stderr.WriteLineAsync("extract train-clusters: give text inputs, --germeval files, or both.");
                return Cli.UsageError;
            }

            var clock = Stopwatch.StartNew();
            List<IReadOnlyList<string>> sentences;
            int read;
            try
            {
                (sentences, read) = ClusterCorpus.Read(tsv, texts);
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync("extract train-clusters: " + ex.Message);
                return Cli.UsageError;
            }

            var description = Description(tsv, texts);
            var clusters = await Task.Run(() => WordClusterTrainer.Build(sentences, description), ct);
            var path = parse.GetValue(outPath)!;
            AtomicFile.WriteText(path, clusters.ToText());
            await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "word clusters: {0} words from {1} sentences ({2} tokens; {3} text files and pages) -> {4} in {5:0.0} s",
                clusters.Count, sentences.Count, sentences.Sum(s => s.Count), read, path, clock.Elapsed.TotalSeconds));
            return 0;
        });
        return command;
    }

    /// <summary>The description line of the file: the command with the inputs' last path parts.</summary>
    internal static string Description(IEnumerable<string> germEval, IEnumerable<string> texts) =>
        "built by 'extract train-clusters " + string.Join(' ', texts.Select(Name))
        + string.Concat(germEval.Select(g => " --germeval " + Name(g))) + "'";

    private static string Name(string path) => Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
}
