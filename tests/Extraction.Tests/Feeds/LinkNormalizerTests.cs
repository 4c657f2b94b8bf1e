using Extraction.Feeds;

namespace Extraction.Tests.Feeds;

public sealed class LinkNormalizerTests
{
    [Theory]
    [InlineData("HTTPS://Blatt.Example:443/Wirtschaft/Artikel-1.html#kommentare", "https://blatt.example/Wirtschaft/Artikel-1.html")]
    [InlineData("http://blatt.example:80/a", "http://blatt.example/a")]
    [InlineData("http://blatt.example:8080/a", "http://blatt.example:8080/a")]
    [InlineData("https://blatt.example/a?utm_source=rss&utm_medium=feed&id=7&fbclid=xyz", "https://blatt.example/a?id=7")]
    [InlineData("https://blatt.example/a?gclid=1&wt_mc=rss.x&at_medium=feed", "https://blatt.example/a")]
    [InlineData("https://blatt.example/a?seite=2&UTM_Campaign=x", "https://blatt.example/a?seite=2")]
    [InlineData("https://blatt.example", "https://blatt.example/")]
    [InlineData("https://blatt.example./a", "https://blatt.example/a")]
    public void Normalize_Absolute_GivesOneKeyPerPage(string link, string expected)
    {
        Assert.Equal(expected, LinkNormalizer.Normalize(link, null, out _));
    }

    [Theory]
    [InlineData("/b/2", "https://blatt.example/b/2")]
    [InlineData("c/3", "https://blatt.example/feeds/c/3")]
    public void Normalize_Relative_IsResolvedAgainstTheFeed(string link, string expected)
    {
        Assert.Equal(expected, LinkNormalizer.Normalize(link, new Uri("https://blatt.example/feeds/rss.xml"), out _));
    }

    [Theory]
    [InlineData("mailto:redaktion@blatt.example", "unsupported scheme")]
    [InlineData("", "no link")]
    [InlineData("   ", "no link")]
    public void Normalize_Unusable_IsNullWithReason(string link, string reason)
    {
        Assert.Null(LinkNormalizer.Normalize(link, null, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }
}
