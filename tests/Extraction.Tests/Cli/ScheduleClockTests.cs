using System.CommandLine;
using Extraction.Cli;
using Extraction.Tests.Store;
using Microsoft.Extensions.Time.Testing;

namespace Extraction.Tests.Cli;

/// <summary>`extract schedule` on a fake clock: runs fire when the clock reaches the cron times, not before, and a failing run does not end the schedule.</summary>
public sealed class ScheduleClockTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Schedule_FakeClockReachesEachCronTime_OneRunEach_AndGoesOnAfterAFailure()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 59, 30, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        var stdout = new SignallingWriter();
        var stderr = new StringWriter();
        var root = new RootCommand { ScheduleCommand.Create(stdout, stderr, clock) };

        // Quartz syntax, at second 0 of every minute; the input is missing, so every run fails (exit 1).
        var schedule = root.Parse(["schedule", "--cron", "0 * * * * ?", "--max-runs", "2", "--", "run", _dir["missing"], "--out", _dir["out"]])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });

        var scheduled = await stdout.WhenWritten("first run at 2026-03-02 03:00:00").WaitAsync(Guard);
        Assert.DoesNotContain("run 1 starting", scheduled, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromSeconds(30));
        var first = await stdout.WhenWritten("run 1 finished").WaitAsync(Guard);
        Assert.Contains("03:00:00 +00:00 extract schedule: run 1 starting", first, StringComparison.Ordinal);
        Assert.Contains("run 1 finished: exit 1 (some inputs failed) in 0.0 s; next run at 2026-03-02 03:01:00", first, StringComparison.Ordinal);
        Assert.DoesNotContain("run 2", first, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(1));
        var code = await schedule.WaitAsync(Guard);

        Assert.Equal(1, code);
        var log = stdout.ToString();
        Assert.Contains("03:01:00 +00:00 extract schedule: run 2 starting", log, StringComparison.Ordinal);
        Assert.Contains("run 2 finished: exit 1 (some inputs failed) in 0.0 s; last run", log, StringComparison.Ordinal);
        Assert.Contains("stopped after 2 run(s)", log, StringComparison.Ordinal);
        Assert.Contains("no such file or folder", stderr.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A writer that completes a task when a text appears in what was written, so the test waits for the scheduler's log, not for time.</summary>
    private sealed class SignallingWriter : StringWriter
    {
        private readonly Lock _gate = new();
        private readonly List<(string Text, TaskCompletionSource<string> Done)> _waits = [];

        public Task<string> WhenWritten(string text)
        {
            lock (_gate)
            {
                var tcs = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                if (GetStringBuilder().ToString().Contains(text, StringComparison.Ordinal))
                {
                    tcs.SetResult(GetStringBuilder().ToString());
                }
                else
                {
                    _waits.Add((text, tcs));
                }

                return tcs.Task;
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
                Signal();
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
                Signal();
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_gate)
            {
                base.WriteLine(value);
                Signal();
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return base.ToString();
            }
        }

        private void Signal()
        {
            var text = GetStringBuilder().ToString();
            foreach (var w in _waits.Where(w => text.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                _waits.Remove(w);
                w.Done.SetResult(text);
            }
        }
    }
}
