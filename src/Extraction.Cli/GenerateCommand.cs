using System.CommandLine;
using Extraction.Corpus;

namespace Extraction.Cli;

/// <summary>`extract generate`: writes a synthetic corpus for benchmarks, reproducible from its seed.</summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var from = new Option<string>("--from") { Description = "Folder with the sample articles to recombine (.html .htm .txt .md).", DefaultValueFactory = _ => "samples" };
        var count = new Option<int>("--count", "-n") { Description = "Articles to write.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed, samples and options give byte-identical files.", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string>("--out") { Description = "Folder to write the corpus into; must be new or empty.", Required = true };
        var format = new Option<CorpusFormats>("--format") { Description = "Page kinds: All (HTML and text dumps), Html or Text.", DefaultValueFactory = _ => CorpusFormats.All };
        var profile = new Option<CorpusProfile>("--profile") { Description = "Realistic (1.5-12 KB of article text, page furniture for the rest of the size) or Dense (article text up to the page size: a stress test).", DefaultValueFactory = _ => CorpusProfile.Realistic };
        var minKb = new Option<int>("--min-kb") { Description = "Smallest article in KB.", DefaultValueFactory = _ => 5 };
        var maxKb = new Option<int>("--max-kb") { Description = "Largest article in KB.", DefaultValueFactory = _ => 150 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing on success." };
        var command = new Command("generate", "Write a synthetic benchmark corpus: sample shells and paragraphs recombined, figures and organisations varied.")
        {
            from, count, seed, outDir, format, profile, minKb, maxKb, quiet,
        };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(outDir)!;
            if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            {
                await stderr.WriteLineAsync($"extract generate: '{dir}' is not empty; a corpus needs a new or empty folder.");
                return Cli.UsageError;
            }

            CorpusGenerator generator;
            try
            {
                generator = new CorpusGenerator(new CorpusOptions
                {
                    SamplesFolder = parse.GetValue(from)!,
                    Count = parse.GetValue(count),
                    Seed = parse.GetValue(seed),
                    MinBytes = parse.GetValue(minKb) * 1024,
                    MaxBytes = parse.GetValue(maxKb) * 1024,
                    Formats = parse.GetValue(format),
                    Profile = parse.GetValue(profile),
                });
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync("extract generate: " + ex.Message);
                return Cli.UsageError;
            }

            var summary = generator.WriteTo(dir, ct: ct);
            if (!parse.GetValue(quiet))
            {
                await stdout.WriteLineAsync(FormattableString.Invariant(
                    $"{summary.Articles} articles ({summary.Html} HTML, {summary.Text} text), {summary.Bytes} bytes ({summary.Bytes / 1e6:0.0} MB) from {generator.Shells.Count} shells and {generator.Paragraphs} paragraphs -> {dir}"));
            }

            return 0;
        });
        return command;
    }
}
