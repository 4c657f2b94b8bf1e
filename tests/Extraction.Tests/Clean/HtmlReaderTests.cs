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

