using Extraction.Diff;
using Extraction.Model;
using Extraction.Report;

namespace Extraction.Tests.Diff;

/// <summary>Records whose articles the newer run did not read are out of run, not removed; what was read again and lost a fact stays removed.</summary>
public sealed class OutOfRunTests
{
    private const string Gone = "https://zeitung.example/wirtschaft/abgelaufen";
    private const string Kept = "https://zeitung.example/wirtschaft/geblieben";
    private const string Broken = "https://zeitung.example/wirtschaft/kaputt";

    private static ClaimRecord Money(string id, string actor, decimal amount, params string[] articles) =>
        new(id, FactKind.Investment, actor, new Amount(amount, amount, "EUR", Qualifier.Exact), null, null, null,
            articles.Select(a => new Source(a, $"{actor} steckt {amount / 1_000_000m} Millionen Euro in ein neues Lager.", $"{amount / 1_000_000m} Millionen Euro")).ToList(),
            articles.Length);

    private static Func<string, bool> Read(params string[] articles) => articles.Contains;

    [Fact]
    public void SplitOutOfRun_ArticleNotInNewRun_RecordIsOutOfRunAndNoChange()
    {
        var before = new[] { Money("aaaaaaaaaaa1", "Nordwind", 40_000_000m, Gone), Money("aaaaaaaaaaa2", "Südstern", 25_000_000m, Kept) };
        var after = new[] { Money("aaaaaaaaaaa2", "Südstern", 25_000_000m, Kept) };

        var d = RecordDiff.Compare(before, after).SplitOutOfRun(Read(Kept));

        Assert.Empty(d.Removed);
        Assert.Equal(["aaaaaaaaaaa1"], d.OutOfRun.Select(r => r.Id));
        Assert.False(d.HasChanges);
        Assert.Empty(d.Articles);
    }

    [Fact]
    public void SplitOutOfRun_ArticleReadAgainWithoutTheFact_StaysRemoved()
    {
        var before = new[] { Money("aaaaaaaaaaa1", "Nordwind", 40_000_000m, Kept) };

        var d = RecordDiff.Compare(before, []).SplitOutOfRun(Read(Kept));

        Assert.Equal(["aaaaaaaaaaa1"], d.Removed.Select(r => r.Id));
        Assert.Empty(d.OutOfRun);
        Assert.True(d.HasChanges);
    }

    [Fact]
    public void SplitOutOfRun_OneOfTwoArticlesReadAgain_RecordStaysRemoved()
    {
        var before = new[] { Money("aaaaaaaaaaa1", "Nordwind", 40_000_000m, Gone, Kept) };

        var d = RecordDiff.Compare(before, []).SplitOutOfRun(Read(Kept));

        Assert.Single(d.Removed);
        Assert.Empty(d.OutOfRun);
    }

    [Fact]
    public void SplitOutOfRun_RecordKeepsASourceInAnArticleReadAgain_IsASourceChangeNotOutOfRun()
    {
        var before = new[] { Money("aaaaaaaaaaa1", "Nordwind", 40_000_000m, Gone, Kept) };
        var after = new[] { Money("aaaaaaaaaaa1", "Nordwind", 40_000_000m, Kept) };

        var d = RecordDiff.Compare(before, after).SplitOutOfRun(Read(Kept));

        Assert.Empty(d.Removed);
        Assert.Empty(d.OutOfRun);
        var c = Assert.Single(d.Changed);
        Assert.True(c.SourcesOnly);
    }

    [Fact]
    public void SplitOutOfRun_FigureChangedInAnArticleReadAgain_StaysPairedAsChanged()
    {
        var before = new[] { Money("aaaaaaaaaaa1", "Nordwind", 40_000_000m, Kept), Money("aaaaaaaaaaa2", "Südstern", 25_000_000m, Gone) };
        var after = new[] { Money("bbbbbbbbbbb1", "Nordwind", 42_000_000m, Kept) };

        var d = RecordDiff.Compare(before, after).SplitOutOfRun(Read(Kept));

        Assert.Equal("aaaaaaaaaaa1", Assert.Single(d.Changed).Old.Id);
        Assert.Equal(["aaaaaaaaaaa2"], d.OutOfRun.Select(r => r.Id));
        Assert.Empty(d.Removed);
        Assert.True(d.HasChanges);
    }

    [Fact]
    public void SplitOutOfRun_EveryArticleRead_ReturnsTheSameDiff()
    {
        var d = RecordDiff.Compare([Money("aaaaaaaaaaa1", "Nordwind", 40_000_000m, Kept)], []);

        Assert.Same(d, d.SplitOutOfRun(Read(Kept)));
    }

    [Fact]
    public async Task Text_OutOfRun_CountedInTheSummaryAndListedLastWithWhy()
    {
        var before = new[]
        {
            Money("aaaaaaaaaaa1", "Nordwind", 40_000_000m, Gone),
            Money("aaaaaaaaaaa2", "Südstern", 25_000_000m, Broken),
            Money("aaaaaaaaaaa3", "Ostwerk", 10_000_000m, Kept),
            Money("aaaaaaaaaaa4", "Westhafen", 8_000_000m, Gone, Broken),
        };
        var d = RecordDiff.Compare(before, []).SplitOutOfRun(Read(Kept))
            .WithFailedArticles(new Dictionary<string, string> { [Broken] = "HTTP 503" });
        using var o = new StringWriter();

        await DiffText.WriteAsync(o, d, color: false);

        var lines = o.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("0 added, 1 removed, 0 changed, 3 out of run; 1 article changed", lines[0]);
        Assert.StartsWith("- [aaaaaaaaaaa3]", lines[1], StringComparison.Ordinal);
        Assert.Equal(
            [
                "? [aaaaaaaaaaa1] investment Nordwind: 40 Mio. EUR (out of run: not in this run)",
                "? [aaaaaaaaaaa2] investment Südstern: 25 Mio. EUR (out of run: failed in this run: HTTP 503)",
                $"? [aaaaaaaaaaa4] investment Westhafen: 8 Mio. EUR (out of run: {Broken} failed in this run: HTTP 503; 1 other was not in it)",
            ],
            lines.Where(l => l.StartsWith("? ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Text_NothingOutOfRun_SummaryAsBefore()
    {
        var d = RecordDiff.Compare([Money("aaaaaaaaaaa1", "Nordwind", 40_000_000m, Kept)], []).SplitOutOfRun(Read(Kept));
        using var o = new StringWriter();

        await DiffText.WriteAsync(o, d, color: false);

        Assert.Equal("0 added, 1 removed, 0 changed; 1 article changed", o.ToString().ReplaceLineEndings("\n").Split('\n')[0]);
        Assert.DoesNotContain("out of run", o.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_OutOfRun_SummaryCountArrayAndArticlesWithWhy()
    {
        var before = new[] { Money("aaaaaaaaaaa1", "Nordwind", 40_000_000m, Gone), Money("aaaaaaaaaaa2", "Südstern", 25_000_000m, Broken) };
        var d = RecordDiff.Compare(before, []).SplitOutOfRun(Read())
            .WithFailedArticles(new Dictionary<string, string> { [Broken] = "HTTP 503" });

        using var json = System.Text.Json.JsonDocument.Parse(DiffJson.Render(d));

        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("summary").GetProperty("out_of_run").GetInt32());
        Assert.Equal(0, root.GetProperty("summary").GetProperty("removed").GetInt32());
        Assert.Equal(["aaaaaaaaaaa1", "aaaaaaaaaaa2"], root.GetProperty("out_of_run").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(
            [$"{Gone} not_in_run ", $"{Broken} failed HTTP 503"],
            root.GetProperty("out_of_run_articles").EnumerateArray().Select(a =>
                $"{a.GetProperty("article").GetString()} {a.GetProperty("status").GetString()} {(a.TryGetProperty("reason", out var r) ? r.GetString() : "")}"));
        Assert.Equal(0, root.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public void Json_NothingOutOfRun_NoOutOfRunKeys()
    {
        var d = RecordDiff.Compare([Money("aaaaaaaaaaa1", "Nordwind", 40_000_000m, Kept)], []).SplitOutOfRun(Read(Kept));

        var json = DiffJson.Render(d);

        Assert.DoesNotContain("out_of_run", json, StringComparison.Ordinal);
    }
}
