using Extraction.Clean;
using Extraction.Pipeline;

namespace Extraction.Tests.Clean;

/// <summary>The filter's passes on small made-up dumps (read with <see cref="TextDumpReader"/>, so blank lines make boxes).</summary>
public sealed class BlockFilterTests
{
    private const string Para1 = "Der Konzern will in den kommenden drei Jahren rund zwei Milliarden Euro in neue Rechenzentren in Hessen und Bayern investieren.";
    private const string Para2 = "Die ersten Gebäude sollen im Jahr 2027 in Betrieb gehen, teilte das Unternehmen am Dienstag in Frankfurt am Main mit.";

    private static readonly BlockFilter Filter = new(BoilerplateRules.Load(ModelFiles.Embedded));

    private static List<string> Kept(string dump) =>
        Filter.Filter(TextDumpReader.Read(dump, markdown: false)).Kept.Select(b => b.Text).ToList();

    [Fact]
    public void Filter_ShortLinesBeforeFirstParagraph_DropsNavigationKeepsTitle()
    {
        var kept = Kept($"Startseite\nWirtschaft\nMediathek\nKonzern baut drei neue Rechenzentren in Hessen\n\n{Para1}\n\n{Para2}\n");

        Assert.Equal(["Konzern baut drei neue Rechenzentren in Hessen", Para1, Para2], kept);
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
}
