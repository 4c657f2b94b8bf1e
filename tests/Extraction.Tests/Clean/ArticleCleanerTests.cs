using Extraction.Clean;
using Extraction.Fetch;
using Extraction.Pipeline;

namespace Extraction.Tests.Clean;

/// <summary>What <see cref="ArticleCleaner"/> adds to the filter: the title of a page that names none, and the Readability fallback.</summary>
public sealed class ArticleCleanerTests
{
    private const string Para1 = "Der Betreiber will in den kommenden zwei Jahren rund achthundert Millionen Euro in zwanzig neue Windräder vor Sylt investieren.";
    private const string Para2 = "Die Genehmigung des Bundesamts liegt seit dem Frühjahr vor, teilte das Unternehmen am Donnerstag in Husum mit.";

    private static readonly ArticleCleaner Cleaner = new(BoilerplateRules.Load(ModelFiles.Embedded));

    private static string Title(string dump) => Cleaner.CleanText("t", dump, DocumentFormat.Text).Title;

    [Fact]
    public void CleanText_NoTitleGiven_TheHeadlineRightAboveTheTextNotATaglineFurtherUp()
    {
        var title = Title($"Nachrichten aus dem Landkreis am Morgen\n\nWindpark vor der Küste wird größer\n\n{Para1}\n\n{Para2}\n");

        Assert.Equal("Windpark vor der Küste wird größer", title);
    }

    [Fact]
    public void CleanText_NoTitleGiven_HeadlineUpToThreeLinesAboveTheText()
    {
        // Two short sentences between headline and text (a teaser) do not hide the headline; the tagline above it is not taken.
        var title = Title($"Nachrichten aus dem Landkreis am Morgen\n\nWindpark vor der Küste wird größer\n\nDer Bau beginnt im Mai.\n\nDie Kosten trägt der Betreiber.\n\n{Para1}\n\n{Para2}\n");

        Assert.Equal("Windpark vor der Küste wird größer", title);
    }

    [Fact]
    public void CleanText_NoTitleAndNoParagraph_FirstTitleLikeLine()
    {
        var title = Title("Der Bau beginnt im Mai.\n\nWindpark vor der Küste wird größer\n\nDie Kosten trägt der Betreiber.\n");

        Assert.Equal("Windpark vor der Küste wird größer", title);
    }

    [Fact]
    public void Read_ShortPageWithoutAddress_ReadabilityStillReadsIt()
    {
        // A page read from a file has no address, and a short one is not "readable" by Readability's own
        // measure: the fallback reads it all the same.
        var html = $"<html><head><title>Windpark</title></head><body><div class=\"inhalt\"><p>{Para1}</p><p>{Para2}</p></div></body></html>";

        var texts = ReadabilityFallback.Read(html, url: null).Select(b => b.Text).ToList();

        Assert.Contains(Para1, texts);
        Assert.Contains(Para2, texts);
    }
}
