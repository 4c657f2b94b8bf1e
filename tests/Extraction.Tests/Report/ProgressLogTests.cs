using Extraction.Fetch;
using Extraction.Pipeline;
using Extraction.Report;

namespace Extraction.Tests.Report;

public sealed class ProgressLogTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2025, 1, 1, 3, 0, 0, TimeSpan.Zero).AddTicks(_ticks);

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private static ArticleOutcome Outcome(bool failed) => new(new InputItem("a", "a", InputKind.File), null, [],
        failed ? new InputFailure("a", "x") : null, null, TimeSpan.Zero);

    [Fact]
    public void ArticleDone_EveryHundred_LogsCountRateEtaAndFailures()
    {
        var time = new ManualTime();
        using var o = new StringWriter();
        var log = new ProgressLog(o, time);
        log.Started(300, 0);
        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            log.ArticleDone(Outcome(failed: i == 5));
        }

        Assert.Equal("2025-01-01T03:00:10Z 100/300 articles, 10.0/s, ETA 0:20, 1 failed\n", o.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ArticleDone_ShortRun_StaysSilent()
    {
        using var o = new StringWriter();
        var log = new ProgressLog(o, new ManualTime());
        log.Started(17, 0);
        for (var i = 0; i < 17; i++)
        {
            log.ArticleDone(Outcome(failed: false));
        }

        Assert.Equal("", o.ToString());
    }

    [Fact]
    public void Started_Resuming_SaysHowManyWereDone()
    {
        using var o = new StringWriter();
        new ProgressLog(o, new ManualTime()).Started(300, 120);

        Assert.Contains("resuming: 120 of 300 articles already done", o.ToString(), StringComparison.Ordinal);
    }
}
