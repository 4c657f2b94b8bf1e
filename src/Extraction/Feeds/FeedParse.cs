namespace Extraction.Feeds;

/// <summary>A parsed feed, or the reason the bytes are not one.</summary>
public sealed record FeedParse(FeedDocument? Document, string? Error)
{
    public static FeedParse Fail(string error) => new(null, error);
}
