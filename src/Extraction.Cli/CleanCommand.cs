using System.CommandLine;
using System.Text;
using Extraction.Fetch;
using Extraction.Pipeline;

namespace Extraction.Cli;

/// <summary>
/// `extract clean`: the cleaned main text of articles. One article is printed; with --out, every
/// article of the inputs (files, folders, URLs) is cleaned in parallel and written as a .txt file.
/// </summary>
internal static class CleanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Articles: files (.html .htm .txt .md), folders, http(s) URLs. Without --out, exactly one article.", Arity = ArgumentArity.OneOrMore };
        var withTitle = new Option<bool>("--title") { Description = "Print (or write) the title line first." };
        var outDir = new Option<string?>("--out") { Description = "Write each article's text to <out>/<article>.txt (folders as in the input) instead of printing one." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "With --out: print no summary." };
        var shared = new Cli.PipelineOptionSet();
        var command = new Command("clean", "Print the cleaned main text of an article, or write those of many with --out.") { inputs, withTitle, outDir, quiet };
        shared.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = shared.Read(parse);
            using var pipeline = Cli.TryBuild(options, stderr, "extract clean");
            if (pipeline is null)
            {
                return Cli.UsageError;
            }

            var (items, failures) = InputResolver.Resolve(parse.GetValue(inputs)!);
            var dir = parse.GetValue(outDir);
            if (dir is null && items.Count + failures.Count != 1)
            {
                await stderr.WriteLineAsync($"extract clean: the inputs hold {items.Count + failures.Count} articles; print one, or give --out DIR to write them all.");
                return Cli.UsageError;
            }

            foreach (var f in failures)
            {
                await stderr.WriteLineAsync($"extract: {f.Input}: {f.Reason}");
            }

            var title = parse.GetValue(withTitle);
            if (dir is null)
            {
                if (items.Count == 0)
                {
                    return 1;
                }

                var text = await CleanOne(pipeline, items[0], title, stderr, ct);
                if (text is null)
                {
                    return 1;
                }

                await stdout.WriteLineAsync(text);
                return 0;
            }

            var written = 0;
            var failed = failures.Count;
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct }, async (item, token) =>
            {
                var text = await CleanOne(pipeline, item, title, stderr, token);
                if (text is null)
                {
                    Interlocked.Increment(ref failed);
                    return;
                }

                var path = Path.Combine(dir, SafeRelativePath(item.ArticleId) + ".txt");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, text + "\n", Utf8, token);
                Interlocked.Increment(ref written);
            });
            if (!parse.GetValue(quiet))
            {
                await stdout.WriteLineAsync($"{written} articles cleaned, {failed} failed -> {dir}");
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static readonly UTF8Encoding Utf8 = new(false);

    // The article's text (title first when asked), or null after reporting why there is none.
    private static async Task<string?> CleanOne(ExtractionPipeline pipeline, InputItem item, bool title, TextWriter stderr, CancellationToken ct)
    {
        var outcome = await pipeline.ProcessAsync(item, ct, ArticleStep.Clean);
        if (outcome.Failure is { } failure)
        {
            lock (stderr)
            {
                stderr.WriteLine($"extract: {failure.Input}: {failure.Reason}");
            }

            return null;
        }

        var article = outcome.Article!;
        return title ? article.Title + "\n\n" + article.Text : article.Text;
    }

    // An article id as a relative path: folders kept, URL punctuation and ".." made harmless.
    internal static string SafeRelativePath(string articleId)
    {
        var parts = articleId.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => new string(p.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()))
            .Select(p => p is "." or ".." ? "_" : p);
        return Path.Combine([.. parts]);
    }
}
