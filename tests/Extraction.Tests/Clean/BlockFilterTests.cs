using Extraction.Clean;
using Extraction.Pipeline;

namespace Extraction.Tests.Clean;

/// <summary>The filter's passes on small made-up dumps (read with <see cref="TextDumpReader"/>, so blank lines make boxes).</summary>
public sealed class BlockFilterTests
{
    private const string Para1 = "Der Konzern will in den kommenden drei Jahren rund zwei Milliarden Euro in neue Rechenzentren in Hessen und Bayern investieren.";
    private const string Para2 = "Die ersten Gebäude sollen im Jahr 2027 in Betrieb gehen, teilte das Unternehmen am Dienstag in Frankfurt am Main mit.";

    private static readonly BlockFilter Filter = new(BoilerplateRules.Load(ModelFiles.Embedded));

    private static List<string> Kept(string dump, bool webPage = false) =>
        Filter.Filter(TextDumpReader.Read(dump, markdown: false), webPage).Kept.Select(b => b.Text).ToList();

    [Fact]
    public void Filter_ShortLinesBeforeFirstParagraph_DropsNavigationKeepsTitle()
    {
        var kept = Kept($"Startseite\nWirtschaft\nMediathek\nKonzern baut drei neue Rechenzentren in Hessen\n\n{Para1}\n\n{Para2}\n");

        Assert.Equal(["Konzern baut drei neue Rechenzentren in Hessen", Para1, Para2], kept);
    }

    [Fact]
    public void Filter_UnpunctuatedShortLinesAfterLastSentence_Dropped()
    {
        var kept = Kept($"{Para1}\n\n{Para2}\n\nSchlagwörter:\n\nRechenzentren Hessen Investitionen\n\nBeitrag teilen\n", webPage: true);

        Assert.Equal([Para1, Para2], kept);
    }

    [Fact]
    public void Filter_ShortClosingSentenceOrSourceAtTheEnd_Kept()
    {
        var kept = Kept($"{Para1}\n\n{Para2}\n\nDer Bau beginnt im Mai.\n\n(dpa)\n", webPage: true);

        Assert.Equal([Para1, Para2, "Der Bau beginnt im Mai.", "(dpa)"], kept);
    }

    [Fact]
    public void Filter_ShortSubheadingAfterFirstParagraph_Kept()
    {
        var kept = Kept($"{Para1}\n\nKritik wächst\n\n{Para2}\n");

        Assert.Contains("Kritik wächst", kept);
    }

    [Fact]
    public void Filter_AdLabelWithCopyInSameBox_DropsLabelAndCopy()
    {
        var kept = Kept($"{Para1}\n\nAnzeige\nJetzt Depot eröffnen: 0 € Ordergebühr\n\n{Para2}\n");

        Assert.Equal([Para1, Para2], kept);
    }

    [Fact]
    public void Filter_AdLabelThenBlankLineThenSubheading_KeepsSubheading()
    {
        var kept = Kept($"{Para1}\n\nAnzeige\n\nTelekomkonzerne bauen KI-Fabriken\n\n{Para2}\n");

        Assert.Equal([Para1, "Telekomkonzerne bauen KI-Fabriken", Para2], kept);
    }

    [Fact]
    public void Filter_RelatedLinksUnderIntro_DroppedUpToTheBoxEnd()
    {
        var kept = Kept($"{Para1}\n\nPassend dazu:\nNvidia meldet Rekordumsatz\nWie die EU ihre KI-Fabriken finanziert\n\nStrom wird knapp\n\n{Para2}\n");

        Assert.Equal([Para1, "Strom wird knapp", Para2], kept);
    }

    [Fact]
    public void Filter_RelatedLinksIntroInDumpWithoutBlankLines_KeepsSubheadingOfNextParagraph()
    {
        var kept = Kept($"{Para1}\nPassend dazu:\nStrom wird knapp\n{Para2}\n");

        Assert.Equal([Para1, "Strom wird knapp", Para2], kept);
    }

    [Fact]
    public void Filter_AuthorBox_DropsHeadingAndBio()
    {
        var bio = "Anna Berg schreibt seit 2012 über Halbleiter, Rechenzentren und die Energiewende. Sie hat in Aachen Elektrotechnik studiert.";

        var kept = Kept($"{Para1}\n\nÜber die Autorin\n{bio}\n\n{Para2}\n");

        Assert.Equal([Para1, Para2], kept);
    }

    private const string Bio = "Jonas Weber berichtet seit vielen Jahren über Netzbetreiber, Speicher und die Preise an der Strombörse in Leipzig.";

    [Fact]
    public void Filter_BoxHeadingWithItsBoxInOneGroup_BoxDropped()
    {
        var kept = Kept($"{Para1}\n\nÜber den Autor\n{Bio}\nZuvor war er Redakteur einer Fachzeitschrift in Kassel.\n\n{Para2}\n");

        Assert.Equal([Para1, Para2], kept);
    }

    [Fact]
    public void Filter_BoxLongerThanABoxGoes_LinesAfterTheEighthKept()
    {
        var lines = Enumerable.Range(1, 10).Select(i => $"Absatz {i} dieses Kastens nennt weitere Stationen seiner Laufbahn, von Kiel bis nach Konstanz am Bodensee.").ToList();

        var kept = Kept($"{Para1}\n\nÜber den Autor\n{string.Join("\n", lines)}\n\n{Para2}\n");

        Assert.Equal([Para1, lines[8], lines[9], Para2], kept);
    }

    [Fact]
    public void Filter_BoxHeadingStandingAlone_TakesTheOneParagraphUnderIt()
    {
        var kept = Kept($"{Para1}\n\nÜber den Autor\n\n{Bio}\n\n{Para2}\n");

        Assert.Equal([Para1, Para2], kept);
    }

    [Fact]
    public void Filter_BoxHeadingStandingAloneAboveAGroupOfLines_GroupKept()
    {
        // Two lines in one group under a lone box heading are a part of the text, not the one bio paragraph.
        const string next = "Der Netzbetreiber rechnet mit einer Bauzeit von drei Jahren und mit Kosten von gut einer Milliarde Euro.";
        var kept = Kept($"{Para1}\n\nÜber den Autor\n\n{Bio}\n{next}\n\n{Para2}\n");

        Assert.Equal([Para1, Bio, next, Para2], kept);
    }

    [Fact]
    public void Filter_BoxHeadingAsTheLastLine_Dropped()
    {
        var kept = Kept($"{Para1}\n\n{Para2}\n\nÜber den Autor\n");

        Assert.Equal([Para1, Para2], kept);
    }

    [Fact]
    public void Filter_DroppedBlocks_Counted()
    {
        var (kept, removed, _) = Filter.Filter(TextDumpReader.Read($"Startseite\nWirtschaft\nMediathek\nKonzern baut drei neue Rechenzentren in Hessen\n\n{Para1}\n\n{Para2}\n", markdown: false));

        Assert.Equal(3, kept.Count);
        Assert.Equal(3, removed);
    }

    [Fact]
    public void Filter_ListOfThreeWithoutAnyParagraph_Kept()
    {
        var kept = Kept("- 200 g Mehl\n- 2 Eier\n- 1 Prise Salz\n");

        Assert.Equal(["200 g Mehl", "2 Eier", "1 Prise Salz"], kept);
    }

    [Fact]
    public void Filter_ListOfTwoAfterAHeadLine_DroppedAsLoneItems()
    {
        var kept = Kept($"Rezepte des Tages aus der Region\n\n- 200 g Mehl\n- 2 Eier\n\n{Para1}\n\n{Para2}\n");

        Assert.Equal(["Rezepte des Tages aus der Region", Para1, Para2], kept);
    }

    [Fact]
    public void Filter_MarkedTrailerAfterLastParagraph_DropsWholeTrailer()
    {
        var kept = Kept($"{Para1}\n\n{Para2}\n\nLeserbrief schreiben\nNeue Buslinie startet im März\nMehr aus der Region\n");

        Assert.Equal([Para1, Para2], kept);
    }

    [Fact]
    public void Filter_ShortClosingSentenceBeforeMarkedTrailer_KeptRestDropped()
    {
        const string closing = "Kritiker im Stadtrat halten den Zeitplan für zu knapp.";
        var kept = Kept($"{Para1}\n\n{Para2}\n\n{closing}\n\nMehr zum Thema\nNeue Buslinie startet im März\nImpressum · Datenschutz\n");
        var withoutSentence = Kept($"{Para1}\n\n{Para2}\n\nTeilen\nMehr zum Thema\nNeue Buslinie startet im März\n");

        Assert.Equal([Para1, Para2, closing], kept);
        Assert.Equal([Para1, Para2], withoutSentence);
    }

    [Fact]
    public void Filter_AdLabelsInDumpWithoutBlankLines_DropCopyKeepSubheading()
    {
        var kept = Kept($"{Para1}\nAnzeige\nJetzt Depot eröffnen: 0 € Ordergebühr\nStartseite › Börse\n{Para2}\nAnzeige\nStrom wird knapp\n{Para1} Mehr.\n");

        Assert.Equal([Para1, Para2, "Strom wird knapp", Para1 + " Mehr."], kept);
    }

    [Fact]
    public void Filter_LongParagraphNamingANewsletter_Kept()
    {
        // Over 400 characters of sentences: a phrase that marks a banner ("Newsletter") does not make it one.
        const string prose = "Der Verein hat seine Mitglieder im vergangenen Jahr vor allem über einen monatlichen Newsletter erreicht, "
            + "den inzwischen mehr als viertausend Menschen in der Region lesen. Der Vorstand will das Angebot nun um einen "
            + "Podcast ergänzen, in dem Ehrenamtliche von ihrer Arbeit in den Ortsgruppen berichten. Die erste Folge soll im "
            + "Frühjahr erscheinen, eine zweite ist für den Sommer geplant, sagte die Vorsitzende am Rande der Versammlung.";
        var kept = Kept($"{Para1}\n\n{prose}\n\n{Para2}\n");

        Assert.Equal([Para1, prose, Para2], kept);
    }

    [Fact]
    public void Filter_LoginPromptsAndEnglishSubscriptionLines_Dropped()
    {
        var kept = Kept($"{Para1}\n\nSie müssen sich einloggen, um einen Kommentar zu schreiben.\n\n{Para2}\n\n"
            + "Subscribe today to read the whole article.\n\nThis entry was posted in Allgemein.\n\nJede Spende hilft uns weiter!\n", webPage: true);

        Assert.Equal([Para1, Para2], kept);
    }

    [Fact]
    public void Filter_ListOfThreeBeforeFirstParagraph_KeptLoneItemNot()
    {
        var kept = Kept($"- Anna Beispiel\n\nRezepte\n\n- 200 g Mehl\n- 2 Eier\n- 1 Prise Salz\n\n{Para1}\n\n{Para2}\n");

        Assert.Equal(["200 g Mehl", "2 Eier", "1 Prise Salz", Para1, Para2], kept);
    }
}

