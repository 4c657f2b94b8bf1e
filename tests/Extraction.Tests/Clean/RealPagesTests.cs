using System.Text.Json;
using Extraction.Fetch;
using Extraction.Model;
using Xunit.Abstractions;

namespace Extraction.Tests.Clean;

/// <summary>
/// Cleaning on real pages and articles nobody here wrote, read in place from ../shared/realworld (skipped
/// where it is absent). The floors hold development figures: these pages were looked at while tuning.
/// </summary>
public sealed class RealPagesTests(ITestOutputHelper output)
{
    private static readonly string RealWorld = Path.GetFullPath(Path.Combine(TestCorpus.RepoRoot, "..", "shared", "realworld"));

    private static string TrafilaturaDev => Path.Combine(RealWorld, "trafilatura-dev");

    private static string NewsArticles => Path.Combine(RealWorld, "news", "articles");

    // Measured 0.931 (0.9314; P 0.938, R 0.925) on the 487 pages after the standfirst inside an article,
    // the stricter fallback, the login, donation and English subscription markers, credit lines, ruby
    // annotations, lists kept above the first paragraph and the posts of a thread (0.916 before them);
    // main before the work on real pages gave 0.826. The floor protects 0.931: it leaves room for a
    // rounding-sized trade-off, not for losing a rule.
    private const double F1Floor = 0.929;

    [SkippableFact]
    public async Task TrafilaturaDev_EveryPage_F1AboveFloorAndNoPageWithMainTextEmpty()
    {
        var evaldata = Path.Combine(TrafilaturaDev, "evaldata.json");
        Skip.IfNot(File.Exists(evaldata), "../shared/realworld/trafilatura-dev is not beside this clone: the real-page floor is not checked.");

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(evaldata));
        int tp = 0, fp = 0, fn = 0;
        var empty = new List<string>();
        foreach (var page in json.RootElement.EnumerateObject())
        {
            var outcome = await TestCorpus.CleanFileAsync(Path.Combine(TrafilaturaDev, "pages", page.Name));
            var text = TestCorpus.Collapse(outcome.Article?.Text ?? "");
            var with = Segments(page.Value, "with");
            var found = with.Count(s => text.Contains(s, StringComparison.Ordinal));
            tp += found;
            fn += with.Length - found;
            fp += Segments(page.Value, "without").Count(s => text.Contains(s, StringComparison.Ordinal));
            if (with.Length > 0 && text.Length == 0)
            {
                empty.Add(page.Name);
            }
        }

        var f1 = 2.0 * tp / (2 * tp + fp + fn);
        output.WriteLine($"precision {(double)tp / (tp + fp):F3} recall {(double)tp / (tp + fn):F3} F1 {f1:F3}; empty: {empty.Count}");
        Assert.True(f1 >= F1Floor, $"F1 {f1:F3} below the floor {F1Floor} (development figure 0.931)");
        Assert.Empty(empty);
    }

    // The benchmark's matching: white space collapsed, then a plain substring test.
    private static string[] Segments(JsonElement page, string name) =>
        page.GetProperty(name).EnumerateArray().Select(s => TestCorpus.Collapse(s.GetString()!)).ToArray();

    [SkippableFact]
    public async Task RealNews_OneLineArticles_KeepTheirText()
    {
        Skip.IfNot(Directory.Exists(NewsArticles), "../shared/realworld/news is not beside this clone: the one-line articles are not checked.");

        var lost = new List<string>();
        var files = Directory.GetFiles(NewsArticles, "gnad*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var original = TestCorpus.Collapse(await File.ReadAllTextAsync(file));
            var outcome = await TestCorpus.CleanFileAsync(file);
            var kept = outcome.Article?.Text.Length ?? 0;

            // Repeated sentences go (the data set repeats a few), nothing else: 85% of the line stays.
            if (outcome.Failure is not null || kept < original.Length * 0.85)
            {
                lost.Add($"{Path.GetFileName(file)}: {kept} of {original.Length} characters {outcome.Failure?.Reason}");
            }
        }

        Assert.Empty(lost);
    }

    [Fact]
    public void Clean_OneLongLineMentioningSubscriptionsPartnersAndAds_KeepsTheWholeLine()
    {
        // A whole article flattened into one line, as exported news often is; it talks about what boilerplate
        // rules look for (an Abonnement, a Partner, Werbung, Support, a Newsletter) without being any of it.
        var line = "Der Streamingdienst Flimmerkiste erhöht zum März den Preis für sein Abonnement um zwei Euro im Monat. "
            + "Begründet wird der Schritt mit höheren Kosten für Lizenzen und den Support der neuen Geräte. "
            + "Ein Partner aus der Telekommunikation soll künftig ein günstigeres Paket mit Werbung anbieten, das vor allem jüngere Kunden ansprechen soll. "
            + "Verbraucherschützer raten, die Kündigungsfristen genau zu prüfen, bevor man sich für ein Jahr bindet. "
            + "Wer den Newsletter des Dienstes bezieht, wurde bereits vor einer Woche über die Änderungen informiert. "
            + "Die Konkurrenz hatte ihre Preise schon im Herbst angehoben und dabei kaum Kunden verloren, heißt es aus der Branche. "
            + "Analysten erwarten deshalb, dass weitere Anbieter im Laufe des Jahres nachziehen werden.";

        var article = TestCorpus.CleanDump("einzeiler.txt", line + "\n");

        Assert.Equal(line, article.Text);
    }

    [Fact]
    public void Clean_DumpWithRealFurniture_DropsTheFurnitureKeepsTheArticle()
    {
        var dump = string.Join('\n',
            "Zum Inhalt springen",
            "WirtschaftBäckerei Holm eröffnet zweite Filiale in Lindental",
            "Foto: Peter Sommer",
            "© Bäckerei Holm GmbH",
            "Die Bäckerei Holm aus Lindental hat am Montag ihre zweite Filiale eröffnet. Der Familienbetrieb investierte rund 400.000 Euro in den Umbau eines früheren Schuhgeschäfts.",
            "Lest auch: Warum immer mehr Dorfläden schließen müssen",
            "Inhaberin Greta Holm sagte, die neue Filiale solle vor allem Pendler am Bahnhof versorgen. Geplant seien zwölf neue Stellen, davon vier Ausbildungsplätze.",
            "Bild: KI-generiert mit Midjourney",
            "Der Bürgermeister bezeichnete den Betrieb bei der Eröffnung als einen wichtigen Arbeitgeber der Stadt und wünschte viel Erfolg.");

        var text = TestCorpus.CleanDump("filiale.txt", dump).Text;

        Assert.StartsWith("Bäckerei Holm eröffnet zweite Filiale in Lindental\n", text, StringComparison.Ordinal);
        foreach (var furniture in (string[])["Zum Inhalt", "Foto:", "©", "Lest auch", "Dorfläden", "Midjourney"])
        {
            Assert.DoesNotContain(furniture, text, StringComparison.Ordinal);
        }

        Assert.Contains("400.000 Euro", text, StringComparison.Ordinal);
        Assert.Contains("zwölf neue Stellen", text, StringComparison.Ordinal);
        Assert.Contains("wichtigen Arbeitgeber", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanText_CompanyNameStartingWithALabelWord_StaysWhole()
    {
        // Only labels that do not begin company names are cut off a glued headline.
        var text = Html("<h1>SportScheck eröffnet ein Haus in Lindental</h1>", Paragraphs(3));

        Assert.Contains("SportScheck eröffnet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanText_LayoutWrapperNamedSidebar_HoldsTheArticle_ArticleKept()
    {
        // The whole page sits in a wrapper whose class names a sidebar layout; a real sidebar beside the text still goes.
        var text = Html(
            "<div class=\"layout-right-sidebar\"><div class=\"col\"><h1>Neue Halle für den Turnverein</h1>" + Paragraphs(4) + "</div>"
            + "<div class=\"sidebar\"><p>Beliebte Beiträge aus dem Archiv der letzten Wochen und Monate</p></div></div>");

        Assert.Contains("Absatz 1 über die neue Halle", text, StringComparison.Ordinal);
        Assert.Contains("Absatz 4 über die neue Halle", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Beliebte Beiträge", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanText_DrupalFieldWithHiddenLabel_TextKept()
    {
        var text = Html("<h1>Neue Halle für den Turnverein</h1><div class=\"field field--label-hidden\">" + Paragraphs(7) + "</div>"
            + "<div class=\"hidden\"><p>Dieser Absatz ist auf der Seite unsichtbar und gehört nicht zum Artikel, auch wenn er lang genug ist.</p></div>");

        Assert.Contains("Absatz 7 über die neue Halle", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unsichtbar", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanText_SoftHyphensInWords_Removed()
    {
        var text = Html("<article><h1>Halle</h1><p>Die Turn\u00ADhalle wird im Früh\u00ADjahr eröffnet, sagte der Vorsitzende des Vereins am Abend vor den Mitgliedern.</p>"
            + Paragraphs(3) + "</article>");

        Assert.Contains("Die Turnhalle wird im Frühjahr eröffnet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanText_StandfirstBetweenHeadlineAndArticleBody_Kept()
    {
        var text = Html("<div class=\"head\"><h1>Neue Halle für den Turnverein</h1><p class=\"intro\">Nach zwei Jahren Bauzeit ist die Halle fertig, und der Verein zieht schon im Mai ein.</p></div>"
            + "<div class=\"row\"><article>" + Paragraphs(4) + "</article></div>");

        Assert.Contains("Nach zwei Jahren Bauzeit ist die Halle fertig", text, StringComparison.Ordinal);
        Assert.Contains("Absatz 4 über die neue Halle", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanText_TailMarkerRightUnderTheTeaser_ArticleBelowKept()
    {
        var text = Html("<div><h1>Neue Halle für den Turnverein</h1><p>Nach zwei Jahren Bauzeit ist die Halle fertig, und der Verein zieht schon im Mai ein, teilte er mit.</p>"
            + "<h3>Meistgelesen</h3>" + Paragraphs(5) + "</div>");

        Assert.Contains("Absatz 5 über die neue Halle", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Meistgelesen", text, StringComparison.Ordinal);
    }

    private static string Paragraphs(int n) => string.Concat(Enumerable.Range(1, n).Select(i =>
        $"<p>Absatz {i} über die neue Halle: Der Verein hat lange auf den Bau gewartet, und die Stadt hat einen großen Teil der Kosten getragen, wie der Vorstand am Montag berichtete.</p>"));

    private static string Html(params string[] body) =>
        TestCorpus.Cleaner.CleanText("seite", $"<html><head><title>t</title></head><body>{string.Concat(body)}</body></html>", DocumentFormat.Html).Text;
}
