using Extraction.Tests.Support;

namespace Extraction.Tests.Cli;

/// <summary>`extract clean` of a page that holds no article text fails with the reason, as `extract run` does.</summary>
public sealed class CleanNoArticleTests
{
    // Navigation, a cookie note and a footer: everything the cleaner removes, nothing it keeps.
    private const string FurnitureOnly =
        "<html><head><title>Stadtwerke Kiel</title></head><body>" +
        "<nav><ul><li><a href=\"/\">Start</a></li><li><a href=\"/kontakt\">Kontakt</a></li></ul></nav>" +
        "<div class=\"cookie\">Wir verwenden Cookies. <a href=\"/datenschutz\">Datenschutzerklärung</a></div>" +
        "<footer><a href=\"/impressum\">Impressum</a></footer></body></html>";

    private const string ArticlePage =
        "<html><head><title>Neues Rechenzentrum</title></head><body><article><h1>Neues Rechenzentrum</h1>" +
        "<p>Die Stadtwerke Kiel investieren 40 Millionen Euro in ein Rechenzentrum am Hafen, das im Herbst des kommenden Jahres in Betrieb gehen soll.</p>" +
        "</article></body></html>";

    [Fact]
    public async Task Clean_PageWithoutArticleText_Exits1NamingPageAndReason()
    {
        using var tmp = CliRunner.Temp();
        var page = tmp.File("leer.html", FurnitureOnly);

        var (code, stdout, stderr) = await CliRunner.Run("clean", page);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal("extract: leer.html: no article text found after cleaning", stderr.Trim());
    }

    [Fact]
    public async Task Clean_OutFolderWithOneEmptyPage_WritesTheOtherCountsTheFailureExits1()
    {
        using var tmp = CliRunner.Temp();
        tmp.File("in/leer.html", FurnitureOnly);
        tmp.File("in/artikel.html", ArticlePage);
        var outDir = Path.Combine(tmp.Path, "out");

        var (code, stdout, stderr) = await CliRunner.Run("clean", Path.Combine(tmp.Path, "in"), "--out", outDir);

        Assert.Equal(1, code);
        Assert.Equal("1 articles cleaned, 1 failed -> " + outDir, stdout.Trim());
        Assert.Contains("leer.html: no article text found after cleaning", stderr, StringComparison.Ordinal);
        Assert.Equal(["artikel.html.txt"], Directory.GetFiles(outDir).Select(Path.GetFileName));
    }
}
