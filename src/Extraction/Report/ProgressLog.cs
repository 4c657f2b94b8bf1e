using System.Globalization;
using Extraction.Pipeline;

namespace Extraction.Report;

/// <summary>
/// Progress as plain log lines for a log file or journal (stdout not a terminal): one line every
/// <c>every</c> articles and one at the end (runs shorter than that stay silent), with count, rate, ETA and failures.
/// </summary>
public sealed class ProgressLog(TextWriter output, TimeProvider time, int every = 100) : IRunProgress
{
    private readonly Lock _gate = new();
    private long _startTicks;
    private int _total;
    private int _resumed;
    private int _done;
    private int _failed;

    /// <inheritdoc/>
    public void Started(int total, int alreadyDone)
    {
        lock (_gate)
        {
            _startTicks = time.GetTimestamp();
            _total = total;
            _resumed = alreadyDone;
            if (alreadyDone > 0)
            {
                output.WriteLine(Stamp() + FormattableString.Invariant($"resuming: {alreadyDone} of {total} articles already done"));
            }
        }
    }

    /// <inheritdoc/>
    public void ArticleDone(ArticleOutcome outcome)
    {
        lock (_gate)
        {
            _done++;
            if (outcome.Failure is not null)
            {
                _failed++;
            }

            if (_done % every == 0 || (_resumed + _done == _total && _total >= every))
            {
                output.WriteLine(Stamp() + Line());
                output.Flush();
            }
        }
    }

    /// <summary>"120/300 articles, 35.2/s, ETA 0:05, 1 failed".</summary>
    internal string Line()
    {
        var elapsed = time.GetElapsedTime(_startTicks).TotalSeconds;
        var rate = elapsed > 0 ? _done / elapsed : 0;
        var left = _total - _resumed - _done;
        var eta = rate > 0 ? TimeSpan.FromSeconds(left / rate) : (TimeSpan?)null;
        return string.Format(CultureInfo.InvariantCulture, "{0}/{1} articles, {2:0.0}/s, ETA {3}, {4} failed",
            _resumed + _done, _total, rate, eta is { } e ? $"{(int)e.TotalMinutes}:{e.Seconds:00}" : "?", _failed);
    }

    private string Stamp() => time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ ", CultureInfo.InvariantCulture);
}
