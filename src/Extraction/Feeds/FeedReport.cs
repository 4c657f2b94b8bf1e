namespace Extraction.Feeds;

/// <summary>One feed of a run: where it is, what it turned out to be, whether it was read, and its counts.</summary>
public sealed class FeedReport(string url)
{
    /// <summary>The feed's URL as listed.</summary>
    public string Url { get; } = url;

    /// <summary>What it is (of the first document read), or null when it could not be read.</summary>
    public FeedKind? Kind { get; internal set; }

    /// <summary>Why it (or one of its sitemaps) could not be read, or null.</summary>
    public string? Failure { get; internal set; }

    /// <summary>Feed documents read (an index and its sitemaps count each).</summary>
    public int Documents { get; internal set; }

    /// <summary>Of those, answered 304 (read again from the store).</summary>
    public int DocumentsNotModified { get; internal set; }

    /// <summary>Sitemaps of an index left unread because their lastmod is before --since.</summary>
    public int SitemapsSkipped { get; internal set; }

    /// <summary>Its items' counts.</summary>
    public FeedCounts Counts { get; } = new();
}
