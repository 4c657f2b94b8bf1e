using Extraction.Evaluation;
using Extraction.Model;
using static Extraction.Tests.Support.TestFacts;

namespace Extraction.Tests.Evaluation;

public sealed class ScorerTests
{
    private static GoldFact Gold(string article, string? actor, decimal min, string currency, string? record = null, decimal? max = null, params string[] alt) =>
        new(article, FactKind.Investment, actor, alt, min, max ?? min, currency, [], null, null, Qualifier.Exact, "q", record);

    [Fact]
    public void Evaluate_WithinHalfPercent_Matches_Beyond_DoesNot()
    {
        var gold = new[] { Gold("a", "Kanada", 1_000_000_000m, "CAD") };

        var near = Scorer.Evaluate(gold, [Money("a", "Kanada", 1_004_000_000m, "CAD")]);
        var far = Scorer.Evaluate(gold, [Money("a", "Kanada", 1_006_000_000m, "CAD")]);

        Assert.Equal(1.0, near.Amounts.F1);
        Assert.Equal(0.0, far.Amounts.F1);
    }

    [Fact]
    public void Evaluate_HardwareUnitAlt_MatchesEitherUnit()
    {
        var gold = new GoldFact("a", FactKind.Hardware, null, [], 16_000m, 16_000m, null, [], "chip", null, Qualifier.Exact, "q", null) { UnitAlt = ["CPU"] };

        Assert.Equal(1.0, Scorer.Evaluate([gold], [Hardware("a", null, 16_000, "CPU")]).Hardware.F1);
        Assert.Equal(1.0, Scorer.Evaluate([gold], [Hardware("a", null, 16_000, "chip")]).Hardware.F1);
        Assert.Equal(0.0, Scorer.Evaluate([gold], [Hardware("a", null, 16_000, "server")]).Hardware.F1);
    }

    [Fact]
    public void Evaluate_AmountFoundWithAnotherActor_ListedAsWrongActor_RightOrMissedOnesNot()
    {
        var gold = new[] { Gold("a", "Stadt Hagen", 4m, "EUR", null, null, "Hagen"), Gold("a", "Land Tirol", 9m, "EUR"), Gold("a", null, 6m, "EUR"), Gold("b", "Hagen AG", 1m, "EUR") };
        var facts = new[] { Money("a", "Hagener Bank", 4m, "EUR"), Money("a", "Tirol", 9m, "EUR"), Money("a", "Bund", 6m, "EUR"), Money("a", "Land Tirol", 9m, "EUR", start: 9) };

        var report = Scorer.Evaluate(gold, facts);

        Assert.Equal(
            ["a: wrong actor 'Hagener Bank' where the gold has 'Stadt Hagen' or 'Hagen'", "a: wrong actor 'Bund' where the gold has 'nobody'"],
            report.WrongActors.Select(w => w.ToString()[..w.ToString().IndexOf(" \"", StringComparison.Ordinal)]));
        Assert.Single(report.Missed);
    }

    [Fact]
    public void Evaluate_CurrencyDisagrees_NoMatch()
    {
        var report = Scorer.Evaluate([Gold("a", null, 5m, "EUR")], [Money("a", null, 5m, "USD")]);

        Assert.Equal(0.0, report.Amounts.F1);
    }

    [Fact]
    public void Evaluate_RepeatedMentions_CountOnceAsDistinctFacts()
    {
        var gold = new[] { Gold("a", "EU", 2m, "EUR"), Gold("a", "EU", 3m, "EUR") };
        var facts = new[] { Money("a", "EU", 2m, "EUR"), Money("a", "EU", 2m, "EUR", start: 9), Money("a", "EU", 7m, "EUR") };

        var s = Scorer.Evaluate(gold, facts).Amounts;

        Assert.Equal((1, 2, 1, 2), (s.MatchedPredicted, s.Predicted, s.MatchedGold, s.Gold));
        Assert.Equal(0.5, s.F1, 6);
    }

    [Theory]
    [InlineData("Europäischen Union", true)]
    [InlineData("europäische union", true)]
    [InlineData("InvestAI", true)]
    [InlineData("Kanada", false)]
    [InlineData(null, false)]
    public void ActorMatches_CaseInflectionAndAlternatives(string? predicted, bool expected)
    {
        var gold = Gold("a", "Europäische Union", 1m, "EUR", null, null, "InvestAI");

        Assert.Equal(expected, Scorer.ActorMatches(gold, predicted));
    }

    [Fact]
    public void ActorMatches_JointActorsInAnyOrder()
    {
        var gold = Gold("a", "Amazon, Microsoft, Alphabet und Meta", 1m, "USD");

        Assert.True(Scorer.ActorMatches(gold, "Amazon, Alphabet, Meta und Microsoft"));
        Assert.False(Scorer.ActorMatches(gold, "Amazon und Meta"));
    }

    [Theory]
    [InlineData("Freistaat Sachsen und Deutschland", true)]
    [InlineData("Deutschland und Freistaat Sachsen", true)]
    [InlineData("Deutschland und Stadt Leipzig", false)]
    [InlineData("Deutschland und Nordchip", false)]
    [InlineData("Freistaat Sachsen und Nordchip", false)]
    public void ActorMatches_JointGroup_NamesTheActorAndOnlyAlternatives(string predicted, bool expected)
    {
        // The guide's joint amount: the first-named party is the actor, the other parties are alternatives.
        var gold = Gold("a", "Freistaat Sachsen", 1m, "EUR", null, null, "Deutschland", "Stadt Leipzig");

        Assert.Equal(expected, Scorer.ActorMatches(gold, predicted));
    }

    [Fact]
    public void Evaluate_Records_RightWhenTheyCoverExactlyOneGoldGroup()
    {
        var gold = new[] { Gold("a", "EU", 20m, "EUR", "eu-20"), Gold("b", "EU", 20m, "EUR", "eu-20"), Gold("b", "Brookfield", 20m, "EUR", "bf-20") };
        var merged = new ClaimRecord("1", FactKind.Investment, "EU", new Amount(20m, 20m, "EUR", Qualifier.Exact), null, null, null,
            [new Source("a", "s", "t"), new Source("b", "s", "t")], 2);
        var split = new ClaimRecord("2", FactKind.Investment, "Brookfield", new Amount(20m, 20m, "EUR", Qualifier.Exact), null, null, null,
            [new Source("b", "s", "t")], 1);

        var good = Scorer.Evaluate(gold, [], [merged, split]).Records!;
        var half = Scorer.Evaluate(gold, [], [merged with { Sources = [new Source("a", "s", "t")] }, split]).Records!;

        Assert.Equal(1.0, good.F1);
        Assert.True(half.F1 < 1.0);
    }
}
