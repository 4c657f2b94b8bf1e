namespace Extraction.Feeds;

/// <summary>What became of one feed's items in a run; thread-safe counters.</summary>
public sealed class FeedCounts
{
    private int _seen;
    private int _new;
    private int _changed;
    private int _unchanged;
    private int _skipped;
    private int _failed;
    private int _fetched;
    private int _notModified;

    /// <summary>Items the feed (with its sitemaps) lists.</summary>
    public int Seen => _seen;

    /// <summary>Pages fetched for the first time and done.</summary>
    public int New => _new;

    /// <summary>Known pages fetched again whose content changed, done.</summary>
    public int Changed => _changed;

    /// <summary>Known pages not fetched, answered 304, or fetched with the same content; their stored result is used.</summary>
    public int Unchanged => _unchanged;

    /// <summary>Items left out: before --since, beyond --max-items, without a usable link, or already listed by another feed.</summary>
    public int Skipped => _skipped;

    /// <summary>Items whose page failed (fetch, cleaning, extraction); named in the run's failures.</summary>
    public int Failed => _failed;

    /// <summary>Requests made for the items' pages (304s included).</summary>
    public int Fetched => _fetched;

    /// <summary>Of those, answered 304 Not Modified.</summary>
    public int NotModified => _notModified;

    internal void AddSeen(int n) => Interlocked.Add(ref _seen, n);

    internal void AddSkipped(int n) => Interlocked.Add(ref _skipped, n);

    internal void CountNew() => Interlocked.Increment(ref _new);

    internal void CountChanged() => Interlocked.Increment(ref _changed);

    internal void CountUnchanged() => Interlocked.Increment(ref _unchanged);

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    internal void CountFetched(bool notModified)
    {
        Interlocked.Increment(ref _fetched);
        if (notModified)
        {
            Interlocked.Increment(ref _notModified);
        }
    }
}
