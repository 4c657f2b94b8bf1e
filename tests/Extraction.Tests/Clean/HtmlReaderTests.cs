using Extraction.Clean;

namespace Extraction.Tests.Clean;

/// <summary>How <see cref="HtmlReader"/> finds the main text of small made-up pages.</summary>
public sealed class HtmlReaderTests
{
    private const string Lead = "Die Stadtwerke wollen bis zum Jahr 2030 alle Busse der Innenstadt auf Strom umstellen und dafür rund vierzig Millionen Euro ausgeben.";
    private const string After = "Lesen Sie morgen im zweiten Teil, wie andere Städte im Land ihren Nahverkehr umbauen und was das kostet.";

    private static readonly string[] Body =
    [
        "Die ersten zwölf Fahrzeuge sollen im kommenden Frühjahr geliefert werden, teilte der Geschäftsführer am Montag mit.",
        "Für die Ladestationen wird der Betriebshof im Norden der Stadt umgebaut, die Arbeiten beginnen noch in diesem Herbst.",
        "Das Land übernimmt nach Angaben des Verkehrsministeriums etwa die Hälfte der Kosten für die neuen Fahrzeuge.",
        "Der Fahrgastverband begrüßte die Pläne, forderte aber zugleich dichtere Takte auf den Linien in die Vororte.",
        "Im Stadtrat gab es breite Zustimmung, nur eine Fraktion verlangte eine genauere Rechnung der laufenden Kosten.",
        "Die alten Dieselbusse sollen nach und nach verkauft werden, einige gehen an Verkehrsbetriebe im Ausland.",
    ];

    [Fact]
    public void Read_StandfirstBeforeArticleBody_KeptAndTextAfterTheBodyNot()
    {
        var html = "<html><body><article><h1>Stadtwerke stellen Busse auf Strom um</h1>"
            + $"<div class=\"lead\"><p>{Lead}</p></div>"
            + $"<div itemprop=\"articleBody\">{string.Concat(Body.Select(p => $"<p>{p}</p>"))}</div>"
            + $"<div class=\"next\"><p>{After}</p></div></article></body></html>";

        var texts = new HtmlReader().Read(html).Blocks.Select(b => b.Text).ToList();

        Assert.Equal([Lead, .. Body], texts.SkipWhile(t => t != Lead));
        Assert.DoesNotContain(After, texts);
    }

    private static string Page(string head, string extra = "") =>
        $"<html><head>{head}</head><body><article><h1>Stadtwerke stellen Busse auf Strom um</h1>{string.Concat(Body.Select(p => $"<p>{p}</p>"))}{extra}</article></body></html>";

    [Fact]
    public void Read_CanonicalLinkAndTimeElement_UrlAndDateWhenNoMetaTagsSayIt()
    {
        var html = Page(
            "<link rel=\"stylesheet\" href=\"/stil.css\"><link rel=\"canonical\" href=\"https://zeitung.example/busse\"><link rel=\"canonical\" href=\"https://zeitung.example/andere\">",
            "<div class=\"meta\"><p>Stand: <time datetime=\"2026-03-02T08:00\">2. März</time></p><p><time datetime=\"2025-01-01\">Archiv</time></p></div>");

        var meta = new HtmlReader().Read(html).Metadata;

        Assert.Equal("https://zeitung.example/busse", meta.Url);
        Assert.Equal("2026-03-02T08:00", meta.Published);
    }

    [Fact]
    public void Read_MetaAuthorTag_TrimmedAuthor()
    {
        var meta = new HtmlReader().Read(Page("<meta charset=\"utf-8\"><meta name=\"author\" content=\" Jana Beispiel \">")).Metadata;

        Assert.Equal("Jana Beispiel", meta.Author);
    }

    [Fact]
    public void Read_LittleInTheDomButTheBodyInJsonLd_JsonLdBodyUnderItsHeadline()
    {
        var body = string.Join("\\n", Body);
        var html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Busse fahren bald mit Strom\",\"articleBody\":\""
            + body + "\"}</script></head><body><div id=\"app\"><p>Bitte aktivieren Sie JavaScript.</p></div></body></html>";

        var blocks = new HtmlReader().Read(html).Blocks;

        Assert.Equal(new Block("Busse fahren bald mit Strom", BlockKind.Heading), blocks[0]);
        Assert.Equal(Body, blocks.Skip(1).Select(b => b.Text));
    }

    // One class name of each kind of page furniture the cleaner knows by name (the list is data: one
    // name per kind stands for the rest). The box's text is not part of the article.
    [Theory]
    [InlineData("comments")]
    [InlineData("share-bar")]
    [InlineData("related-articles")]
    [InlineData("author-box")]
    [InlineData("sidebar")]
    [InlineData("breadcrumb")]
    [InlineData("popup")]
    [InlineData("site-footer")]
    [InlineData("meistgelesen")]
    [InlineData("teaserlist")]
    [InlineData("pagination")]
    [InlineData("kontakt")]
    public void Read_BoxClassedAsFurniture_LeftOut(string className)
    {
        const string box = "Die Redaktion empfiehlt Ihnen heute außerdem diese Beiträge aus dem Ressort Verkehr und Mobilität.";

        var texts = new HtmlReader().Read(Page("", $"<div class=\"{className}\"><p>{box}</p></div>")).Blocks.Select(b => b.Text).ToList();

        Assert.Contains(Body[0], texts);
        Assert.DoesNotContain(box, texts);
    }

    [Fact]
    public void Read_StyledBoxes_HiddenOneLeftOutVisibleOneKept()
    {
        const string hidden = "Dieser Text steht nur für Suchmaschinen im Quelltext der Seite und ist für Leser unsichtbar.";
        const string visible = "Die Umstellung soll nach Angaben der Stadtwerke bis zum Ende des Jahrzehnts abgeschlossen sein.";

        var texts = new HtmlReader().Read(Page("", $"<div style=\"visibility: hidden\"><p>{hidden}</p></div><p style=\"color: #333\">{visible}</p>")).Blocks.Select(b => b.Text).ToList();

        Assert.DoesNotContain(hidden, texts);
        Assert.Contains(visible, texts);
    }

    [Fact]
    public void Read_RubyAnnotations_LeftOut()
    {
        var html = "<html><body><p><ruby>東京<rt>とうきょう</rt></ruby>の<ruby>会社<rp>(</rp><rt>かいしゃ</rt><rp>)</rp></ruby>が"
            + "新しい工場を建てると発表しました。工場は来年から動く予定です。</p></body></html>";

        var texts = new HtmlReader().Read(html).Blocks.Select(b => b.Text).ToList();

        Assert.Equal(["東京の会社が新しい工場を建てると発表しました。工場は来年から動く予定です。"], texts);
    }

    [Fact]
    public void Read_ThreadOfPosts_AllPostsKept()
    {
        var posts = Body.Select((text, i) => $"<article class=\"post\"><p>Beitrag {i + 1}</p><p>{text} {text} {text}</p></article>");
        var html = $"<html><body><h1>Forum: Busse mit Strom</h1><div class=\"thread\">{string.Concat(posts)}</div></body></html>";

        var texts = new HtmlReader().Read(html).Blocks.Select(b => b.Text).ToList();

        Assert.All(Body, text => Assert.Contains($"{text} {text} {text}", texts));
    }
}

