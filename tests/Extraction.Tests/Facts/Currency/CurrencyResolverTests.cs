using Extraction.Facts.Analysis;
using Extraction.Facts.Currency;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Tests.Facts.Currency;

public sealed class CurrencyResolverTests
{
    private static readonly ArticleAnalyzer Analyzer = new(
        Extraction.Facts.ActorGazetteer.Load(ModelFiles.Embedded), [], Extraction.Facts.CueLexicon.Load(ModelFiles.Embedded));

    private static List<string?> Resolve(string text)
    {
        var sentences = Analyzer.Analyze(text);
        var resolver = CurrencyResolver.For(sentences);
        return [.. sentences.SelectMany(s => s.Money.Select(m => resolver.Resolve(m, s.IsRetracted(m.Start))))];
    }

    [Fact]
    public void Resolve_ImpliedAmount_TakesTheCurrencyBeforeIt()
    {
        var currencies = Resolve("Der Versorger steckt 40 Millionen Franken in ein Kraftwerk. Weitere 12 Millionen sollen später folgen.");

        Assert.Equal(["CHF", "CHF"], currencies);
    }

    [Fact]
    public void Resolve_ImpliedAmount_TakesTheLastCurrencyNamedNotTheArticlesFirst()
    {
        var currencies = Resolve("Die Stadt gibt 3 Millionen Euro für Schulen aus. Der Konzern investiert 20 Millionen Dollar in Texas. Weitere 5 Millionen fließen in ein Werk in Ohio.");

        Assert.Equal(["EUR", "USD", "USD"], currencies);
    }

    [Fact]
    public void Resolve_BareDollarInCanadianArticle_IsCad()
    {
        var currencies = Resolve("Kanada fördert die Batteriefabrik mit 50 Millionen kanadischen Dollar. Die Provinz legt 20 Millionen Dollar dazu.");

        Assert.Equal(["CAD", "CAD"], currencies);
    }

    [Fact]
    public void Resolve_ImpliedAmountBeforeAnyCurrency_TakesTheArticlesCurrency()
    {
        var currencies = Resolve("Werftengruppe steckt 3 Milliarden in neue Docks\nDie Werftengruppe investiert 3 Milliarden Dollar in ihre Docks.");

        Assert.Equal(["USD", "USD"], currencies);
    }

    [Fact]
    public void Resolve_ImpliedAmountInAnArticleWithoutCurrency_IsEuro()
    {
        var currencies = Resolve("Die Gemeinde nimmt für den Bau der Halle 2 Millionen auf.");

        Assert.Equal(["EUR"], currencies);
    }
}
