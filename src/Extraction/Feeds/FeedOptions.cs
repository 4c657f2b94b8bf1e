namespace Extraction.Feeds;

/// <summary>What to read feeds from and how much of them; validated when the <see cref="FeedSource"/> is built.</summary>
public sealed record FeedOptions
{
    /// <summary>Feed and sitemap URLs given directly.</summary>
    public IReadOnlyList<string> Feeds { get; init; } = [];

    /// <summary>A file with one feed or sitemap URL a line ('#' starts a comment), or null.</summary>
    public string? FeedsFile { get; init; }

    /// <summary>Items whose newest date is before this are skipped (undated items are kept).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>At most this many items per feed, newest first (null: all).</summary>
    public int? MaxItems { get; init; }

    /// <summary>Ask the server about every known page (conditional request), not only about those whose feed date moved.</summary>
    public bool Recheck { get; init; }

    /// <summary>Largest feed or sitemap accepted once unpacked.</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Sitemaps read at most from one sitemap index (its own included).</summary>
    public int MaxSitemaps { get; init; } = 1000;

    /// <summary>Sitemap indexes nested at most this deep.</summary>
    public int MaxDepth { get; init; } = 4;

    /// <summary>Feeds read at once.</summary>
    public int Parallelism { get; init; } = 4;
}
