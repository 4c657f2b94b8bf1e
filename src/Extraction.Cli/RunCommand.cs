using System.CommandLine;
using Extraction.Pipeline;

namespace Extraction.Cli;

/// <summary>`extract run`: fetch, clean, extract, deduplicate; writes the four output files.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("input") { Description = "Files (.html .htm .txt .md), folders (recursive) or http(s) URLs.", Arity = ArgumentArity.ZeroOrMore };
        var urls = new Option<string?>("--urls") { Description = "A file with one URL a line ('#' starts a comment)." };
        var outDir = new Option<string>("--out") { Description = "Output folder for articles.jsonl, facts.jsonl, records.jsonl, run.json.", Required = true };
        var explain = new Option<bool>("--explain") { Description = "Add to each fact the rule and the strongest model features behind it." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing on success (for cron); failures still go to stderr." };
        var shared = new Cli.PipelineOptionSet();
        var command = new Command("run", "Fetch, clean, extract and deduplicate; write articles.jsonl, facts.jsonl, records.jsonl and run.json.")
        {
            inputs, urls, outDir, explain, quiet,
        };
        shared.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var inputList = parse.GetValue(inputs) ?? [];
            var urlFile = parse.GetValue(urls);
            if (inputList.Length == 0 && urlFile is null)
            {
                await stderr.WriteLineAsync("extract run: give at least one input (file, folder or URL) or --urls FILE.");
                return Cli.UsageError;
            }

            using var pipeline = Cli.TryBuild(shared.Read(parse, parse.GetValue(explain)), stderr);
            if (pipeline is null)
            {
                return Cli.UsageError;
            }

            var runner = new BatchRunner(pipeline, TimeProvider.System);
            var summary = await runner.RunAsync(inputList, urlFile, parse.GetValue(outDir)!, ct);
            foreach (var f in summary.Failures)
            {
                await stderr.WriteLineAsync($"extract: {f.Input}: {f.Reason}");
            }

            if (!parse.GetValue(quiet) || summary.Failures.Count > 0)
            {
                var seconds = (summary.Finished - summary.Started).TotalSeconds;
                await stdout.WriteLineAsync(FormattableString.Invariant(
                    $"{summary.Articles} articles, {summary.Facts} facts, {summary.Records} records, {summary.Failures.Count} failed in {seconds:0.00} s -> {parse.GetValue(outDir)}"));
            }

            return summary.ExitCode;
        });
        return command;
    }
}
