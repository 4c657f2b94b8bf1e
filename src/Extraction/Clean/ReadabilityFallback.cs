namespace Extraction.Clean;

/// <summary>
/// A second opinion for pages where the main path keeps too little: SmartReader (a port of Mozilla's
/// Readability) scores the page on its own and its article is read into blocks. Run only on such pages,
/// so its cost (a second parse and scoring) stays off the common path.
/// </summary>
internal static class ReadabilityFallback
{
    // SmartReader resolves relative links against the page address; a page read from a file has none.
    private const string NoAddress = "http://localhost/";

    /// <summary>The blocks of the article Readability finds in <paramref name="html"/>, or none.</summary>
    public static List<Block> Read(string html, string? url)
    {
        try
        {
            var address = Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? url! : NoAddress;
            var reader = new SmartReader.Reader(address, html) { ContinueIfNotReadable = true, DisableJSONLD = true };
            var article = reader.GetArticle();
            return article.Content is { Length: > 0 } content ? HtmlReader.ReadFragment(content) : [];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A page SmartReader cannot take keeps what the main path found.
            return [];
        }
    }
}
