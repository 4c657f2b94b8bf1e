using Extraction.Diff;
using Extraction.Model;

namespace Extraction.Tests.Diff;

/// <summary>Pairing of old and new records: by id, by a shared (lightly edited) sentence or mention offset, by revised figure.</summary>
public sealed class RecordDiffTests
{
    private const string Article = "bericht.html";
    private const string Title = "Der Versandhändler Nordwind baut ein Logistikzentrum in Kassel";
    private const string Body = "Nordwind will dafür 2,4 Milliarden Euro bis 2027 ausgeben, teilte der Konzern mit.";
    private const string BodyEdited = "Nordwind will dafür 2,4 Millionen Euro bis 2027 ausgeben, teilte der Konzern mit.";
    private const string Other = "Der Standort soll außerdem 900 Arbeitsplätze bringen und 40 Millionen Euro Steuern.";

    private static ClaimRecord Money(string id, string? actor, decimal amount, params (string Article, string Sentence, string Text)[] sources) =>
        Money(id, actor, amount, "EUR", Qualifier.Exact, sources);

    private static ClaimRecord Money(string id, string? actor, decimal amount, string? currency, Qualifier q, params (string Article, string Sentence, string Text)[] sources) =>
        new(id, FactKind.Investment, actor, new Amount(amount, amount, currency, q), null, null, null,
            sources.Select(s => new Source(s.Article, s.Sentence, s.Text)).ToList(), sources.Length);

    private static ClaimRecord Chips(string id, string? actor, long n, string unit, string? model, params (string Article, string Sentence, string Text)[] sources) =>
        new(id, FactKind.Hardware, actor, null, new Count(n, n, Qualifier.Exact), unit, model,
            sources.Select(s => new Source(s.Article, s.Sentence, s.Text)).ToList(), sources.Length);

    [Fact]
    public void Compare_FigureEditedInSentence_OneChangedRecordWithTheValueChange()
    {
        var before = new[] { Money("old000000001", "Nordwind", 2_400_000_000m, (Article, Body, "2,4 Milliarden Euro")) };
        var after = new[] { Money("new000000001", "Nordwind", 2_400_000m, (Article, BodyEdited, "2,4 Millionen Euro")) };

        var d = RecordDiff.Compare(before, after);

        Assert.Empty(d.Added);
        Assert.Empty(d.Removed);
        var c = Assert.Single(d.Changed);
        Assert.Equal(PairedBy.Source, c.By);
        Assert.Equal([new FieldChange("value", "2400000000", "2400000")], c.Changes);
        Assert.False(c.SourcesOnly);
    }

    [Fact]
    public void Compare_TwoClaimsInOneEditedSentence_EachPairsWithItsOwnOldVersion()
    {
        const string was = "Nordwind und Südstern investieren je 2 Milliarden Euro in Kassel.";
        const string now = "Nordwind und Südstern investieren je 2 Millionen Euro in Kassel.";
        var before = new[]
        {
            Money("old000000001", "Nordwind", 2_000_000_000m, (Article, was, "2 Milliarden Euro")),
            Money("old000000002", "Südstern", 2_000_000_000m, (Article, was, "2 Milliarden Euro")),
        };
        var after = new[]
        {
            Money("new000000002", "Südstern", 2_000_000m, (Article, now, "2 Millionen Euro")),
            Money("new000000001", "Nordwind", 2_000_000m, (Article, now, "2 Millionen Euro")),
        };

        var d = RecordDiff.Compare(before, after);

        Assert.Empty(d.Added);
        Assert.Empty(d.Removed);
        Assert.Equal(2, d.Changed.Count);
        Assert.All(d.Changed, c => Assert.Equal(c.Old.Actor, c.New.Actor));
        Assert.All(d.Changed, c => Assert.Equal(["value"], c.Changes.Select(f => f.Field)));
        Assert.Equal(["new000000002", "new000000001"], d.Changed.Select(c => c.New.Id));
    }

    [Fact]
    public void Compare_OneOfTwoSentencesEdited_TheEditPairsWithTheRecordItLeft()
    {
        var before = new[] { Money("old000000001", "Nordwind", 2_400_000_000m, (Article, Title + " für 2,4 Milliarden Euro", "2,4 Milliarden Euro"), (Article, Body, "2,4 Milliarden Euro")) };
        var after = new[]
        {
            Money("old000000001", "Nordwind", 2_400_000_000m, (Article, Title + " für 2,4 Milliarden Euro", "2,4 Milliarden Euro")),
            Money("new000000001", "Nordwind", 2_400_000m, (Article, BodyEdited, "2,4 Millionen Euro")),
        };

        var d = RecordDiff.Compare(before, after);

        Assert.Empty(d.Added);
        Assert.Empty(d.Removed);
        var edit = Assert.Single(d.Changed, c => c.By == PairedBy.Source);
        Assert.Equal("new000000001", edit.New.Id);
        Assert.True(edit.Partial);
        Assert.Equal([new FieldChange("value", "2400000000", "2400000")], edit.Changes);
        var kept = Assert.Single(d.Changed, c => c.By == PairedBy.Id);
        Assert.True(kept.SourcesOnly);
    }

    [Fact]
    public void Compare_RecordGainsAnArticle_StaysASourceChange()
    {
        var before = new[] { Money("aaaaaaaaaaaa", "Nordwind", 2_400_000_000m, (Article, Body, "2,4 Milliarden Euro")) };
        var after = new[] { Money("aaaaaaaaaaaa", "Nordwind", 2_400_000_000m, (Article, Body, "2,4 Milliarden Euro"), ("zweiter.html", Body, "2,4 Milliarden Euro")) };

        var d = RecordDiff.Compare(before, after);

        var c = Assert.Single(d.Changed);
        Assert.Equal(PairedBy.Id, c.By);
        Assert.True(c.SourcesOnly);
        Assert.Equal(["zweiter.html"], c.GainedArticles);
        Assert.Equal(["mentions", "sources"], c.Changes.Select(f => f.Field));
        var article = Assert.Single(d.Articles);
        Assert.Equal(("zweiter.html", EntryChange.SourceGained), (article.Article, Assert.Single(article.Entries).Change));
    }

    [Fact]
    public void Compare_DifferentSentenceOfTheSameArticle_NotPaired()
    {
        var before = new[] { Money("old000000001", "Nordwind", 2_400_000_000m, (Article, Body, "2,4 Milliarden Euro")) };
        var after = new[] { Money("new000000001", "Nordwind", 40_000_000m, (Article, Other, "40 Millionen Euro")) };

        var d = RecordDiff.Compare(before, after);

        Assert.Single(d.Added);
        Assert.Single(d.Removed);
        Assert.Empty(d.Changed);
    }

    [Fact]
    public void Compare_RevisedFigureInAnotherSentence_PairedAsRevision()
    {
        var before = new[] { Money("old000000001", "Nordwind", 2_400_000_000m, (Article, Body, "2,4 Milliarden Euro")) };
        var after = new[] { Money("new000000001", "Nordwind", 2_500_000_000m, (Article, "Inzwischen nennt die Firma eine Summe von 2,5 Milliarden Euro für das neue Werk.", "2,5 Milliarden Euro")) };

        var d = RecordDiff.Compare(before, after);

        Assert.Equal(PairedBy.Revision, Assert.Single(d.Changed).By);
    }

    [Fact]
    public void Compare_SameMentionOffsetInARewrittenSentence_PairedOnlyWithOffsets()
    {
        var before = new[] { Money("old000000001", "Nordwind", 2_400_000_000m, (Article, Body, "2,4 Milliarden Euro")) };
        const string split = "Dafür 2,4 Mrd. Euro.";
        var after = new[] { Money("new000000001", "Nordwind", 2_400_000m, (Article, split, "2,4 Mrd. Euro")) };
        var oldFacts = MentionOffsets.From([Fact(Body, "2,4 Milliarden Euro", 120)]);
        var newFacts = MentionOffsets.From([Fact(split, "2,4 Mrd. Euro", 120)]);

        Assert.Empty(RecordDiff.Compare(before, after).Changed);
        var c = Assert.Single(RecordDiff.Compare(before, after, oldFacts, newFacts).Changed);
        Assert.Equal(PairedBy.Source, c.By);
    }

    [Fact]
    public void Compare_EveryFieldOfTheClaim_ShownAsItsOwnChange()
    {
        var before = new[] { Chips("old000000001", "Nordwind", 4_000, "GPU", "H100", (Article, "Nordwind betreibt 4.000 H100-GPUs in Kassel.", "4.000 H100-GPUs")) };
        var after = new[] { Chips("new000000001", "Südstern", 4_000, "chip", "GH200", (Article, "Südstern betreibt 4.000 GH200-Chips in Kassel.", "4.000 GH200-Chips")) };

        var c = Assert.Single(RecordDiff.Compare(before, after).Changed);

        Assert.Equal(["actor", "unit", "model"], c.Changes.Select(f => f.Field));
    }

    [Fact]
    public void Fields_AmountToCount_ListsKindValueCurrencyQualifierUnitModel()
    {
        var o = Money("a", "Nordwind", 2_400_000_000m, "EUR", Qualifier.About, (Article, Body, "2,4 Milliarden Euro"));
        var n = Chips("b", "Nordwind", 4_000, "GPU", "H100", (Article, Body, "4.000"));

        var fields = RecordDiff.Fields(o, n);

        Assert.Equal(
            [new("kind", "investment", "hardware"), new("value", "2400000000", "4000"), new("currency", "EUR", null),
             new("qualifier", "about", "exact"), new("unit", null, "GPU"), new("model", null, "H100")],
            fields);
    }

    private static Fact Fact(string sentence, string text, int start) =>
        new(Article, FactKind.Investment, "Nordwind", null, null, null, null, text, sentence, start, 1);

    [Fact]
    public void Compare_EditInOneOfManyArticles_CountsOnlyThatArticle()
    {
        var many = Enumerable.Range(0, 40).Select(i => ($"kopie{i:00}.html", Body, "2,4 Milliarden Euro")).ToArray();
        var before = new[] { Money("old000000001", "Nordwind", 2_400_000_000m, many) };
        var after = new[]
        {
            Money("old000000001", "Nordwind", 2_400_000_000m, many[1..]),
            Money("new000000001", "Nordwind", 2_400_000m, ("kopie00.html", BodyEdited, "2,4 Millionen Euro")),
        };

        var d = RecordDiff.Compare(before, after);

        Assert.Equal(["kopie00.html"], d.Articles.Select(a => a.Article));
        Assert.Equal([EntryChange.Changed, EntryChange.SourceLost], d.Articles[0].Entries.Select(e => e.Change).Order());
    }
}
