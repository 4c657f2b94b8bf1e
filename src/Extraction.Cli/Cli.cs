using System.CommandLine;
using Extraction.Fetch;
using Extraction.Pipeline;

namespace Extraction.Cli;

/// <summary>The `extract` command line: run, clean, diff, eval, train, schedule, generate, export (docs/commands.md).</summary>
internal static class Cli
{
    /// <summary>Exit code for usage errors and unreadable inputs to eval/diff.</summary>
    public const int UsageError = 2;

    public static async Task<int> MainAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("extract: German AI-investment news -> deduplicated investment and hardware facts.");
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(CleanCommand.Create(stdout, stderr));
        root.Subcommands.Add(DiffCommand.Create(stdout, stderr));
        root.Subcommands.Add(EvalCommand.Create(stdout, stderr));
        root.Subcommands.Add(TrainCommand.Create(stdout, stderr));
        root.Subcommands.Add(TrainNerCommand.Create(stdout, stderr));
        root.Subcommands.Add(TrainClustersCommand.Create(stdout, stderr));
        root.Subcommands.Add(ScheduleCommand.Create(stdout, stderr));
        root.Subcommands.Add(GenerateCommand.Create(stdout, stderr));
        root.Subcommands.Add(ExportCommand.Create(stdout, stderr));
        CliHelp.Install(root);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !CliHelp.AsksForHelpOrVersion(parsed))
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync("extract: " + error.Message);
            }

            await stderr.WriteLineAsync("Try 'extract --help'.");
            return UsageError;
        }

        if (parsed.CommandResult.Command == root && !args.Any(a => a is "--help" or "-h" or "-?" or "--version"))
        {
            await stderr.WriteLineAsync("extract: a command is required (run, clean, diff, eval, train, schedule, generate, export). Try 'extract --help'.");
            return UsageError;
        }

        // No forced exit on Ctrl+C: the run finishes the articles in hand and writes what is done.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null };
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // First Ctrl+C: stop after the articles in hand; a second one kills as usual.
            if (!cts.IsCancellationRequested)
            {
                e.Cancel = true;
                cts.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await parsed.InvokeAsync(config, cts.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Options shared by commands that build a pipeline.</summary>
    internal sealed class PipelineOptionSet
    {
        public Option<string?> Models { get; } = new("--models") { Description = "Folder with model files overriding the shipped ones (actors.tsv, cues-de.txt, boilerplate-de.txt, fact-model.zip, org-ner.tsv)." };

        public Option<bool> RulesOnly { get; } = new("--rules-only") { Description = "Decide facts by rules alone, without the trained model." };

        public Option<int> Parallelism { get; } = new("--parallelism") { Description = "Articles processed at once.", DefaultValueFactory = _ => Environment.ProcessorCount };

        public Option<double> Timeout { get; } = new("--timeout") { Description = "HTTP: seconds per attempt.", DefaultValueFactory = _ => 15 };

        public Option<double> TotalTimeout { get; } = new("--total-timeout") { Description = "HTTP: seconds per URL including retries.", DefaultValueFactory = _ => 60 };

        public Option<int> Retries { get; } = new("--retries") { Description = "HTTP: retries after the first attempt (network errors, 408, 429, 5xx).", DefaultValueFactory = _ => 3 };

        public Option<int> MaxRedirects { get; } = new("--max-redirects") { Description = "HTTP: redirects followed at most.", DefaultValueFactory = _ => 5 };

        public Option<long> MaxBytes { get; } = new("--max-bytes") { Description = "Largest page accepted (HTTP body or file), in bytes.", DefaultValueFactory = _ => 10L * 1024 * 1024 };

        public Option<int> Concurrency { get; } = new("--concurrency") { Description = "HTTP: requests at once overall.", DefaultValueFactory = _ => 8 };

        public Option<int> PerHost { get; } = new("--per-host") { Description = "HTTP: requests at once per host.", DefaultValueFactory = _ => 2 };

        public Option<double> HostDelay { get; } = new("--host-delay") { Description = "HTTP: seconds at least between the starts of two requests to one host.", DefaultValueFactory = _ => 0 };

        public Option<bool> IgnoreRobots { get; } = new("--ignore-robots") { Description = "HTTP: do not fetch or obey robots.txt." };

        public Option<string?> UserAgent { get; } = new("--user-agent") { Description = "HTTP: User-Agent header (default names this tool)." };

        public void AddTo(Command command)
        {
            foreach (var o in new Option[] { Models, RulesOnly, Parallelism, Timeout, TotalTimeout, Retries, MaxRedirects, MaxBytes, Concurrency, PerHost, HostDelay, IgnoreRobots, UserAgent })
            {
                command.Options.Add(o);
            }
        }

        public PipelineOptions Read(ParseResult r, bool explain = false)
        {
            var http = new HttpFetchOptions
            {
                AttemptTimeout = TimeSpan.FromSeconds(r.GetValue(Timeout)),
                TotalTimeout = TimeSpan.FromSeconds(r.GetValue(TotalTimeout)),
                MaxRetries = r.GetValue(Retries),
                MaxRedirects = r.GetValue(MaxRedirects),
                MaxResponseBytes = r.GetValue(MaxBytes),
                MaxConcurrency = r.GetValue(Concurrency),
                MaxConcurrencyPerHost = r.GetValue(PerHost),
                // Clamped only so that TimeSpan can hold it; the pipeline refuses anything outside [0, 1 h] naming --host-delay.
                HostDelay = TimeSpan.FromSeconds(Math.Clamp(r.GetValue(HostDelay), -1, 7200)),
                RespectRobots = !r.GetValue(IgnoreRobots),
            };
            if (r.GetValue(UserAgent) is { Length: > 0 } ua)
            {
                http = http with { UserAgent = ua };
            }

            return new PipelineOptions
            {
                ModelsFolder = r.GetValue(Models),
                UseModel = !r.GetValue(RulesOnly),
                Parallelism = r.GetValue(Parallelism),
                Explain = explain,
                Http = http,
                MaxFileBytes = r.GetValue(MaxBytes),
            };
        }
    }

    /// <summary>The command-line flag of each pipeline option the command line sets (PipelineOptionException.Option).</summary>
    internal static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ModelsFolder"] = "--models",
        ["Parallelism"] = "--parallelism",
        ["MaxFileBytes"] = "--max-bytes",
        ["Http.AttemptTimeout"] = "--timeout",
        ["Http.TotalTimeout"] = "--total-timeout",
        ["Http.MaxRetries"] = "--retries",
        ["Http.MaxRedirects"] = "--max-redirects",
        ["Http.MaxResponseBytes"] = "--max-bytes",
        ["Http.MaxConcurrency"] = "--concurrency",
        ["Http.MaxConcurrencyPerHost"] = "--per-host",
        ["Http.HostDelay"] = "--host-delay",
        ["Http.UserAgent"] = "--user-agent",
    };

    /// <summary>
    /// Builds a pipeline, checking every option first whatever the inputs are; a bad option, a missing
    /// or broken model file is a usage error, reported naming the flag (or file), and null comes back.
    /// </summary>
    internal static ExtractionPipeline? TryBuild(PipelineOptions options, TextWriter stderr, string command = "extract")
    {
        try
        {
            return new ExtractionPipelineBuilder(options).Build();
        }
        catch (PipelineOptionException ex)
        {
            var name = Flags.TryGetValue(ex.Option, out var flag) ? flag : ex.Option;
            stderr.WriteLine($"{command}: invalid {name}: {ex.Reason}");
            return null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or FormatException)
        {
            stderr.WriteLine($"{command}: {ex.Message}");
            return null;
        }
    }
}
