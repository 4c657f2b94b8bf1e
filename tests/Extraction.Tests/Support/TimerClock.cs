using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Extraction.Tests.Support;

/// <summary>
/// A fake clock that reports each timer the code under test sets (retry waits, timeouts, pacing), so a
/// test moves time exactly when something waits on it instead of sleeping on the real clock.
/// </summary>
internal sealed class TimerClock : FakeTimeProvider
{
    /// <summary>Only keeps a broken test from hanging the suite; no test result depends on it.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public TimerClock()
        : base(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The due time of every timer set, in the order they were set.</summary>
    public Channel<TimeSpan> Timers { get; } = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // The timer is in place before it is reported: a test that advances the clock as soon as it reads the
        // report must find it there. (Reported first, a test could advance past it before it was set, and the
        // timer would then wait for an advance that never comes: the hang seen once under heavy load.)
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer set that <paramref name="match"/> accepts; others are passed over.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> match)
    {
        while (true)
        {
            var due = await Timers.Reader.ReadAsync().AsTask().WaitAsync(HangGuard);
            if (match(due))
            {
                return due;
            }
        }
    }
}
