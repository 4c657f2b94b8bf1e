using System.CommandLine;
using Extraction.Fetch;

namespace Extraction.Cli;

/// <summary>`extract clean`: prints the cleaned main text of one article.</summary>
internal static class CleanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("file-or-url") { Description = "One article: a file (.html .htm .txt .md) or an http(s) URL." };
        var withTitle = new Option<bool>("--title") { Description = "Print the title line first." };
        var shared = new Cli.PipelineOptionSet();
        var command = new Command("clean", "Print the cleaned main text of one article.") { input, withTitle };
        shared.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (items, failures) = InputResolver.Resolve([parse.GetValue(input)!]);
            if (failures.Count > 0)
            {
                await stderr.WriteLineAsync($"extract: {failures[0].Input}: {failures[0].Reason}");
                return 1;
            }

            if (items.Count != 1)
            {
                await stderr.WriteLineAsync("extract clean: give exactly one file or URL (a folder holds several articles; use 'extract run').");
                return Cli.UsageError;
            }

            using var pipeline = Cli.TryBuild(shared.Read(parse), stderr);
            if (pipeline is null)
            {
                return Cli.UsageError;
            }

            var fetched = await pipeline.FetchAsync(items[0], ct);
            if (fetched.Failure is not null)
            {
                await stderr.WriteLineAsync($"extract: {fetched.Failure.Input}: {fetched.Failure.Reason}");
                return 1;
            }

            var cleaned = pipeline.Cleaner.Clean(fetched.Document!);
            if (cleaned.Failure is not null)
            {
                await stderr.WriteLineAsync($"extract: {cleaned.Failure.Input}: {cleaned.Failure.Reason}");
                return 1;
            }

            if (parse.GetValue(withTitle))
            {
                await stdout.WriteLineAsync(cleaned.Article!.Title);
                await stdout.WriteLineAsync();
            }

            await stdout.WriteLineAsync(cleaned.Article!.Text);
            return 0;
        });
        return command;
    }
}
