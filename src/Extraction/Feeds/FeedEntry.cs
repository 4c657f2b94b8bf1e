namespace Extraction.Feeds;

/// <summary>One item of a feed or one URL of a sitemap: its link as given and what the feed says about it.</summary>
/// <param name="Link">The link as the feed gives it (not yet normalised).</param>
/// <param name="Title">Item title, or news:title in a Google News sitemap.</param>
/// <param name="Published">When the article was published (pubDate, published, dc:date, news:publication_date).</param>
/// <param name="Updated">When it last changed (Atom updated, sitemap lastmod); null when the feed does not say.</param>
/// <param name="Author">Author name as the feed gives it.</param>
public sealed record FeedEntry(string? Link, string? Title, DateTimeOffset? Published, DateTimeOffset? Updated, string? Author)
{
    /// <summary>The newest date the feed gives: what tells a changed article from an unchanged one.</summary>
    public DateTimeOffset? Stamp => Updated is { } u && (Published is not { } p || u > p) ? u : Published;
}
