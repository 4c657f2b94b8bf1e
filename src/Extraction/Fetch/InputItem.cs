namespace Extraction.Fetch;

/// <summary>One article to fetch: its contract id (relative path or URL) and its location.</summary>
public sealed record InputItem(string ArticleId, string Location, InputKind Kind)
{
    /// <summary>Validators of a stored copy: the request is made conditional and a 304 comes back as <see cref="FetchOutcome.NotModified"/>.</summary>
    public FetchConditions? Conditions { get; init; }

    /// <summary>A feed or sitemap: any content type is accepted (the reader decides) and XML is asked for first.</summary>
    public bool IsFeed { get; init; }
}
