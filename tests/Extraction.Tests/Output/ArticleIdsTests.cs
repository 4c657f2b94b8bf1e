using System.Text;
using Extraction.Output;
using Extraction.Tests.Support;

namespace Extraction.Tests.Output;

/// <summary>The article ids of an articles.jsonl, read up to each line's "article" whatever the line's length.</summary>
public sealed class ArticleIdsTests
{
    [Fact]
    public void Read_LongLinesBlankLinesAndArticleNotFirst_EveryIdOnce()
    {
        using var tmp = CliRunner.Temp();

        // Texts longer than the reader's 64 KiB buffer, one with "article" after it, and a repeated id.
        var longText = string.Concat(Enumerable.Repeat("Der Ausbau in Kassel kostet 40 Millionen Euro. ", 3000));
        var path = tmp.File("articles.jsonl", string.Join('\n',
            $$"""{"article":"a/eins.html","title":"Eins","text":"{{longText}}"}""",
            "",
            $$"""{"title":"Zwei","text":"{{longText}}","article":"b/zwei \"ü\".html"}""",
            """{"article":"https://zeitung.example/drei?x=1","text":"kurz"}""",
            """{"article":"a/eins.html","text":"noch einmal"}""") + "\n\n");

        var ids = ArticleIds.Read(path);

        Assert.Equal(["a/eins.html", "b/zwei \"ü\".html", "https://zeitung.example/drei?x=1"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_LastLineWithoutNewline_IsRead()
    {
        using var tmp = CliRunner.Temp();
        var path = tmp.File("articles.jsonl", """{"article":"eins.txt","text":"x"}""" + "\n" + """{"article":"zwei.txt","text":"y"}""");

        Assert.Equal(["eins.txt", "zwei.txt"], ArticleIds.Read(path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"title":"ohne Kennung"}""")]
    [InlineData("""["eins.txt"]""")]
    [InlineData("""{"article":""")]
    [InlineData("kaputt")]
    [InlineData("""{"article":42}""")]
    public void Read_LineWithoutArticle_FormatExceptionNamesFileAndLine(string bad)
    {
        using var tmp = CliRunner.Temp();
        var path = tmp.File("articles.jsonl", """{"article":"eins.txt","text":"x"}""" + "\n" + bad + "\n");

        var ex = Assert.Throws<FormatException>(() => ArticleIds.Read(path));

        Assert.StartsWith(path + ":2: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_IdBeyondTheFirstBuffer_GrowsAndFindsIt()
    {
        using var tmp = CliRunner.Temp();
        var path = Path.Combine(tmp.Path, "articles.jsonl");
        var text = new string('x', 200_000);
        File.WriteAllText(path, $$"""{"text":"{{text}}","article":"spät.html"}""" + "\n", new UTF8Encoding(false));

        Assert.Equal(["spät.html"], ArticleIds.Read(path));
    }
}
