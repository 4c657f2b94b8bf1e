using System.CommandLine;
using System.Globalization;
using Extraction.Pipeline;
using Extraction.Report;
using Extraction.Store;
using Spectre.Console;

namespace Extraction.Cli;

/// <summary>`extract run`: fetch, clean, extract, deduplicate; writes the four output files; incremental on a run store.</summary>
internal static class RunCommand
{
    /// <summary>Exit code when another live run holds the store's lock.</summary>
    public const int StoreLocked = 3;

    /// <summary>The store's file name inside --out when --store is not given.</summary>
    public const string DefaultStoreName = "store.db";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("input") { Description = "Files (.html .htm .txt .md), folders (recursive) or http(s) URLs.", Arity = ArgumentArity.ZeroOrMore };
        var urls = new Option<string?>("--urls") { Description = "A file with one URL a line ('#' starts a comment)." };
        var outDir = new Option<string>("--out") { Description = "Output folder for articles.jsonl, facts.jsonl, records.jsonl, run.json.", Required = true };
        var explain = new Option<bool>("--explain") { Description = "Add to each fact the rule and the strongest model features behind it." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing on success (for cron); failures still go to stderr." };
        var store = new Option<string?>("--store") { Description = $"Run store (SQLite) for incremental runs, resuming and 'extract diff --store' (default: <out>/{DefaultStoreName})." };
        var noStore = new Option<bool>("--no-store") { Description = "Use no run store: process every input, record nothing." };
        var full = new Option<bool>("--full") { Description = "Process every input again, even those whose content and pipeline are unchanged." };
        var shared = new Cli.PipelineOptionSet();
        var feeds = new FeedOptionSet();
        var command = new Command("run", "Fetch, clean, extract and deduplicate; write articles.jsonl, facts.jsonl, records.jsonl and run.json.")
        {
            inputs, urls, outDir, explain, quiet, store, noStore, full,
        };
        shared.AddTo(command);
        feeds.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var inputList = parse.GetValue(inputs) ?? [];
            var urlFile = parse.GetValue(urls);
            if (inputList.Length == 0 && urlFile is null && !feeds.Given(parse))
            {
                await stderr.WriteLineAsync("extract run: give at least one input (file, folder or URL), --urls FILE, --feed URL or --feeds FILE.");
                return Cli.UsageError;
            }

            if (parse.GetValue(noStore) && (parse.GetValue(store) is not null || parse.GetValue(full)))
            {
                await stderr.WriteLineAsync("extract run: --no-store cannot be combined with --store or --full.");
                return Cli.UsageError;
            }

            var options = shared.Read(parse, parse.GetValue(explain));
            using var pipeline = Cli.TryBuild(options, stderr, "extract run");
            if (pipeline is null)
            {
                return Cli.UsageError;
            }

            using var feedSource = feeds.Given(parse) ? feeds.TryCreate(parse, options.Http.MaxResponseBytes, stderr) : null;
            if (feeds.Given(parse) && feedSource is null)
            {
                return Cli.UsageError;
            }

            var outPath = parse.GetValue(outDir)!;
            var isQuiet = parse.GetValue(quiet);
            var onTerminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && !isQuiet;
            var request = new RunRequest
            {
                Inputs = inputList,
                UrlsFile = urlFile,
                OutDir = outPath,
                StorePath = parse.GetValue(noStore) ? null : parse.GetValue(store) ?? Path.Combine(outPath, DefaultStoreName),
                Full = parse.GetValue(full),
                Progress = isQuiet || onTerminal ? null : new ProgressLog(stdout, TimeProvider.System),
                Source = feedSource,
            };

            var runner = new BatchRunner(pipeline, TimeProvider.System);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = StopOnSigterm(stop);
            RunSummary summary;
            try
            {
                summary = onTerminal
                    ? await WithProgressBar(request, r => runner.RunAsync(r, stop.Token))
                    : await runner.RunAsync(request, stop.Token);
            }
            catch (StoreLockedException ex)
            {
                await stderr.WriteLineAsync($"extract run: {ex.Message}. Not started (exit {StoreLocked}); wait for it, or stop it.");
                return StoreLocked;
            }
            catch (StoreException ex)
            {
                await stderr.WriteLineAsync("extract run: " + ex.Message);
                return Cli.UsageError;
            }

            if (summary.StaleLock is { } stale)
            {
                await stderr.WriteLineAsync($"extract run: took over the lock of a run that is gone ({stale})");
            }

            foreach (var f in summary.Failures)
            {
                await stderr.WriteLineAsync($"extract: {f.Input}: {f.Reason}");
            }

            if (summary.Cancelled)
            {
                await stderr.WriteLineAsync(FormattableString.Invariant(
                    $"extract run: cancelled; {summary.Articles} articles written, {summary.Pending} left for the next run (it resumes)."));
            }

            if (!isQuiet || summary.Failures.Count > 0 || summary.Cancelled)
            {
                foreach (var line in SummaryLines(summary, outPath).Concat(feedSource?.SummaryLines() ?? []))
                {
                    await stdout.WriteLineAsync(line);
                }
            }

            return summary.ExitCode;
        });
        return command;
    }

    /// <summary>The run summary for stdout: the contract's counts, then the store's view (new, changed, unchanged, removed, failed).</summary>
    internal static IEnumerable<string> SummaryLines(RunSummary s, string outDir)
    {
        var seconds = (s.Finished - s.Started).TotalSeconds;
        yield return FormattableString.Invariant(
            $"{s.Articles} articles, {s.Facts} facts, {s.Records} records, {s.Failures.Count} failed in {seconds:0.00} s -> {outDir}");
        if (s.RunId is { } id)
        {
            yield return FormattableString.Invariant(
                $"run {id}{(s.Resumed ? " (resumed)" : "")}: {s.New} new, {s.Changed} changed, {s.Unchanged} unchanged, {s.Removed.Count} removed, {s.Failures.Count} failed; {s.Processed} processed, {s.Reused} reused -> {s.StorePath}");
        }
    }

    /// <summary>
    /// SIGTERM (systemctl stop, docker stop, kill) stops like Ctrl+C: after the articles in hand, with
    /// everything done written. A second SIGTERM terminates at once.
    /// </summary>
    internal static IDisposable? StopOnSigterm(CancellationTokenSource stop)
    {
        try
        {
            return System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
            {
                if (!stop.IsCancellationRequested)
                {
                    c.Cancel = true;
                    stop.Cancel();
                }
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    /// <summary>A live progress bar (articles done, rate, ETA, failures) while the run goes on a terminal.</summary>
    private static async Task<RunSummary> WithProgressBar(RunRequest request, Func<RunRequest, Task<RunSummary>> run)
    {
        var console = AnsiConsole.Console;
        return await new Progress(console, TimeProvider.System)
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var bar = new ProgressBar(ctx.AddTask("articles", autoStart: true, maxValue: 1));
                return await run(request with { Progress = bar });
            });
    }

    /// <summary>Feeds the Spectre task: value = articles done; description = count, rate and failures.</summary>
    private sealed class ProgressBar(ProgressTask task) : IRunProgress
    {
        private readonly Lock _gate = new();
        private int _total;
        private int _done;
        private int _failed;

        public void Started(int total, int alreadyDone)
        {
            lock (_gate)
            {
                _total = total;
                _done = alreadyDone;
                task.MaxValue = Math.Max(total, 1);
                task.Value = alreadyDone;
                Describe();
            }
        }

        public void ArticleDone(ArticleOutcome outcome)
        {
            lock (_gate)
            {
                _done++;
                if (outcome.Failure is not null)
                {
                    _failed++;
                }

                task.Increment(1);
                Describe();
            }
        }

        private void Describe()
        {
            var rate = task.Speed is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + "/s" : "";
            var failed = _failed > 0 ? $" [red]{_failed} failed[/]" : "";
            task.Description = FormattableString.Invariant($"{_done}/{_total} articles {rate}{failed}");
        }
    }
}
