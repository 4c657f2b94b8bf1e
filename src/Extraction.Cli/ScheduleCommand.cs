using System.CommandLine;
using System.Globalization;
using Extraction.Pipeline;
using Quartz;

namespace Extraction.Cli;

/// <summary>
/// `extract schedule --cron "0 3 * * *" -- run &lt;inputs&gt; --out &lt;dir&gt; [...]`: runs the same `extract run`
/// in-process on a Quartz cron schedule. A failing night is logged and the schedule goes on; runs never
/// overlap (a night that is still running when the next is due skips it).
/// </summary>
internal static class ScheduleCommand
{
    internal const string StateKey = "extract.schedule";

    /// <summary>The command; <paramref name="clock"/> (default: the system clock) drives the schedule, the log's times and the run durations.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var cron = new Option<string?>("--cron") { Description = "When to run: crontab's five fields (\"0 3 * * *\" = 03:00 daily, local time) or Quartz's six or seven (seconds first)." };
        var onceNow = new Option<bool>("--once-now") { Description = "Run the job once now through the scheduler and exit with its exit code (for testing the job)." };
        var maxRuns = new Option<int>("--max-runs") { Description = "Stop after this many runs (0: run until stopped).", DefaultValueFactory = _ => 0 };
        var job = new Argument<string[]>("job") { Description = "After --: the extract command to run, e.g. -- run feeds/ --out out/ --quiet.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("schedule", "Run 'extract run ...' on a cron schedule in this process (Quartz); logs each run and keeps going after a failed one.")
        {
            cron, onceNow, maxRuns, job,
        };
        command.SetAction(async (parse, ct) =>
        {
            var jobArgs = parse.GetValue(job) ?? [];
            var expression = parse.GetValue(cron);
            var once = parse.GetValue(onceNow);
            var limit = once ? 1 : parse.GetValue(maxRuns);
            if (jobArgs.Length == 0 || jobArgs[0] != "run")
            {
                await stderr.WriteLineAsync("extract schedule: give the job after --, starting with 'run': extract schedule --cron \"0 3 * * *\" -- run <inputs> --out <dir>");
                return Cli.UsageError;
            }

            if (limit < 0)
            {
                await stderr.WriteLineAsync("extract schedule: --max-runs must be 0 or more.");
                return Cli.UsageError;
            }

            var check = JobRoot(TextWriter.Null, TextWriter.Null).Parse(jobArgs);
            if (check.Errors.Count > 0)
            {
                await stderr.WriteLineAsync("extract schedule: the job is not a valid 'extract run': " + string.Join("; ", check.Errors.Select(e => e.Message)));
                return Cli.UsageError;
            }

            IScheduleBuilder? schedule = null;
            if (once)
            {
                // No schedule: one trigger that fires now.
            }
            else if (expression is null)
            {
                await stderr.WriteLineAsync("extract schedule: give --cron \"<expression>\" or --once-now.");
                return Cli.UsageError;
            }
            else if (TryCron(expression, out var parsed, out var error))
            {
                schedule = CronScheduleBuilder.Create(parsed!).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing);
            }
            else
            {
                await stderr.WriteLineAsync($"extract schedule: --cron \"{expression}\": {error}");
                return Cli.UsageError;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = RunCommand.StopOnSigterm(stop);
            ct = stop.Token;
            var state = new ScheduleState(jobArgs, limit, stdout, stderr, clock, ct);
            await using var factory = QuartzSchedulerBuilder
                .Create(q =>
                {
                    q.UseTimeProvider(clock);
                    q.ConfigureScheduler(o => o.InstanceName = "extract-schedule-" + Guid.NewGuid().ToString("N"));
                })
                .Build();
            var scheduler = await factory.GetScheduler(ct);
            scheduler.Context[StateKey] = state;
            var detail = JobBuilder.Create<NightlyRunJob>().WithIdentity("extract-run").DisallowConcurrentExecution(true).Build();
            var trigger = once
                ? TriggerBuilder.Create(clock).WithIdentity("once-now").StartNow().Build()
                : TriggerBuilder.Create(clock).WithIdentity("cron").WithSchedule(schedule!).Build();
            var first = await scheduler.ScheduleJob(detail, trigger, default, ct);
            await scheduler.Start(ct);
            state.Log(once
                ? $"running now: extract {string.Join(' ', jobArgs)}"
                : $"scheduled '{expression}': extract {string.Join(' ', jobArgs)}; first run at {Local(first, clock)}");

            int code;
            try
            {
                code = await state.Finished.Task.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                state.Log("stopping: waiting for the run in progress to finish");
                code = BatchRunner.CancelledExitCode;
            }

            await scheduler.Shutdown(true, CancellationToken.None);
            state.Log($"stopped after {state.Runs} run(s)");
            return code;
        });
        return command;
    }

    /// <summary>Reads five fields as crontab (day-of-week 0-7, Sunday 0 and 7), six or seven as Quartz (seconds first).</summary>
    internal static bool TryCron(string expression, out CronExpression? parsed, out string? error)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 5 ? CronFormat.Unix : CronFormat.Quartz;
        try
        {
            parsed = CronExpression.Parse(expression, format);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            parsed = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>A command tree holding only `run`, so the job is parsed and invoked exactly like `extract run`.</summary>
    internal static RootCommand JobRoot(TextWriter stdout, TextWriter stderr) => new("extract (scheduled job)") { RunCommand.Create(stdout, stderr) };

    private static string Local(DateTimeOffset t, TimeProvider clock) => TimeZoneInfo.ConvertTime(t, clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>What the job needs, shared through the scheduler context; logs each run.</summary>
    internal sealed class ScheduleState(string[] jobArgs, int maxRuns, TextWriter stdout, TextWriter stderr, TimeProvider clock, CancellationToken stop)
    {
        private readonly Lock _gate = new();
        private int _runs;

        public TaskCompletionSource<int> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs => Volatile.Read(ref _runs);

        public void Log(string message)
        {
            lock (_gate)
            {
                stdout.WriteLine($"{clock.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)} extract schedule: {message}");
                stdout.Flush();
            }
        }

        public async Task RunOnceAsync(DateTimeOffset? next, CancellationToken jobToken)
        {
            var n = Interlocked.Increment(ref _runs);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, jobToken);
            var started = clock.GetTimestamp();
            Log($"run {n} starting");
            int code;
            try
            {
                var parsed = JobRoot(stdout, stderr).Parse(jobArgs);
                code = await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null }, linked.Token);
            }
            catch (Exception ex)
            {
                // A failing night must not end the schedule: log it and wait for the next one.
                await stderr.WriteLineAsync($"extract schedule: run {n} failed: {ex.GetType().Name}: {ex.Message}");
                code = Cli.UsageError;
            }

            var outcome = code switch
            {
                0 => "ok",
                1 => "some inputs failed",
                RunCommand.StoreLocked => "store locked by another run",
                BatchRunner.CancelledExitCode => "cancelled",
                _ => "error",
            };
            var more = maxRuns > 0 && n >= maxRuns ? "last run" : next is { } t ? $"next run at {Local(t, clock)}" : "no further run";
            Log(FormattableString.Invariant($"run {n} finished: exit {code} ({outcome}) in {clock.GetElapsedTime(started).TotalSeconds:0.0} s; {more}"));
            if ((maxRuns > 0 && n >= maxRuns) || next is null)
            {
                Finished.TrySetResult(code);
            }
        }
    }
}

/// <summary>The Quartz job: one `extract run` with the arguments given to `extract schedule`.</summary>
[DisallowConcurrentExecution]
internal sealed class NightlyRunJob : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (context.Scheduler.Context.TryGetValue(ScheduleCommand.StateKey, out var value) && value is ScheduleCommand.ScheduleState state)
        {
            await state.RunOnceAsync(context.NextFireTimeUtc, cancellationToken);
        }
    }
}
