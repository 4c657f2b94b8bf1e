using Extraction.Dedup;
using Extraction.Facts;
using Extraction.Model;
using Extraction.Pipeline;
using static Extraction.Tests.Support.TestFacts;

namespace Extraction.Tests.Dedup;

public sealed class RecordBuilderTests
{
    private static readonly RecordBuilder Builder = new(ActorGazetteer.Load(ModelFiles.Embedded));

    private static List<Fact> Corpus() =>
    [
        Money("a.txt", "Europäische Union", 200_000_000_000m, "EUR", start: 10),
        Money("a.txt", "Europäische Union", 20_000_000_000m, "EUR", start: 50),
        Money("b.txt", "InvestAI", 200_000_000_000m, "EUR", start: 5),
        Money("b.txt", "Europäische Union", 20_000_000_000m, "EUR", Qualifier.About, start: 40),
        Money("c.txt", "Brookfield", 20_000_000_000m, "EUR", start: 7),
        Money("c.txt", "Amazon", 100_000_000_000m, "USD", Qualifier.Over, start: 1),
        Money("c.txt", "Amazon", 83_000_000_000m, "USD", start: 30),
        Money("d.txt", "Microsoft", 80_000_000_000m, "USD", Qualifier.About, start: 3),
        Money("e.txt", "Microsoft", 80_500_000_000m, "USD", start: 3),
        Money("e.txt", "Google", 75_000_000_000m, "USD", start: 90),
        Money("f.txt", "Alphabet", 75_000_000_000m, "USD", start: 4),
        Hardware("a.txt", "Europäische Union", 100_000, "chip", start: 99),
        Hardware("b.txt", null, 100_000, "chip", start: 80),
    ];

    private static ClaimRecord Of(List<ClaimRecord> records, string? actor, decimal amount) =>
        records.Single(r => r.Actor == actor && r.Amount?.Min == amount);

    [Fact]
    public void Build_SameClaimAcrossArticles_OneRecordWithAllSources()
    {
        var records = Builder.Build(Corpus());

        var eu20 = records.Single(r => r.Amount?.Min == 20_000_000_000m && r.Actor == "Europäische Union");
        Assert.Equal(["a.txt", "b.txt"], eu20.Sources.Select(s => s.Article));
        Assert.Equal(Qualifier.Exact, eu20.Amount!.Qualifier);
        var eu200 = records.Single(r => r.Amount?.Min == 200_000_000_000m);
        Assert.Equal(2, eu200.Mentions);
    }

    [Fact]
    public void Build_DifferentActorsSameNumber_TwoRecords()
    {
        var records = Builder.Build(Corpus());

        Assert.NotEqual(Of(records, "Brookfield", 20_000_000_000m).Id, Of(records, "Europäische Union", 20_000_000_000m).Id);
    }

    [Fact]
    public void Build_SameActorDifferentYears_TwoRecords()
    {
        var records = Builder.Build(Corpus());

        Assert.Equal(2, records.Count(r => r.Actor == "Amazon"));
    }

    [Fact]
    public void Build_RoundedAndPreciseFigure_OneRecordKeepingThePreciseOne()
    {
        var records = Builder.Build(Corpus());

        var ms = Assert.Single(records, r => r.Actor == "Microsoft");
        Assert.Equal(80_500_000_000m, ms.Amount!.Min);
        Assert.Equal(Qualifier.Exact, ms.Amount.Qualifier);
        Assert.Equal(2, ms.Sources.Count);
    }

    [Fact]
    public void Build_GoogleAndAlphabet_OneRecord()
    {
        var records = Builder.Build(Corpus());

        Assert.Single(records, r => r.Amount?.Min == 75_000_000_000m);
    }

    [Fact]
    public void Build_FactWithoutActor_JoinsTheOnlyRecordWithItsValue()
    {
        var records = Builder.Build(Corpus());

        var chips = Assert.Single(records, r => r.Kind == FactKind.Hardware);
        Assert.Equal("Europäische Union", chips.Actor);
        Assert.Equal(2, chips.Mentions);
    }

    [Fact]
    public void Build_PermutedInput_SameIdsAndRecords()
    {
        var expected = Builder.Build(Corpus()).Select(r => (r.Id, r.Mentions)).ToList();
        var random = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var shuffled = Corpus().OrderBy(_ => random.Next()).ToList();

            var actual = Builder.Build(shuffled).Select(r => (r.Id, r.Mentions)).ToList();

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Build_UnrelatedArticlesRemovedOrAdded_IdsOfTheRestUnchanged()
    {
        var full = Builder.Build(Corpus()).ToDictionary(r => (r.Actor, r.Amount?.Min, r.Count?.Min), r => r.Id);
        var subset = Corpus().Where(f => f.Article is "a.txt" or "b.txt").ToList();
        var extra = subset.Append(Money("z.txt", "Tesla", 5_000_000_000m, "USD")).ToList();

        foreach (var input in new[] { subset, extra })
        {
            foreach (var r in Builder.Build(input).Where(r => r.Actor != "Tesla"))
            {
                Assert.Equal(full[(r.Actor, r.Amount?.Min, r.Count?.Min)], r.Id);
            }
        }
    }

    [Fact]
    public void Build_ManyFacts_ScalesWithoutPairwiseComparison()
    {
        // 200,000 facts, 1,000 actors x 97 values (cubes, so neighbours differ by more than the 2% tolerance):
        // every fact lands in the one record of its actor and value.
        var facts = Enumerable.Range(0, 200_000)
            .Select(i => Money($"{i % 5000}.txt", $"Firma {i % 1000}", 1000m * (decimal)Math.Pow(1 + (i % 97), 3), "EUR", start: i))
            .ToList();

        var records = Builder.Build(facts);

        Assert.Equal(97_000, records.Count);
        Assert.Equal(facts.Count, records.Sum(r => r.Mentions));
    }

    [Fact]
    public void Build_TwoActorsWithInterleavedValues_EachActorOneRecord()
    {
        // Sorted by value alone, Bosch's 100.5 million would sit between Siemens' 100 and 101 million and
        // split Siemens' claim in two: the facts are ordered by their group first.
        var records = Builder.Build(
        [
            Money("a.txt", "Siemens", 100_000_000m, "EUR", start: 1),
            Money("b.txt", "Bosch", 100_500_000m, "EUR", start: 1),
            Money("c.txt", "Siemens", 101_000_000m, "EUR", start: 1),
        ]);

        Assert.Equal(2, records.Count);
        Assert.Equal(2, Assert.Single(records, r => r.Actor == "Siemens").Mentions);
        Assert.Equal(1, Assert.Single(records, r => r.Actor == "Bosch").Mentions);
    }

    [Fact]
    public void Build_OverlappingRanges_IdComesFromTheLowestRangeInAnyInputOrder()
    {
        // Three ranges close enough to be one claim; the anchor (and so the id) is the range with the
        // lowest lower bound, then the lowest upper bound: 9.95-12.1 million here, whatever the order in.
        var lowest = Money("c.txt", "Siemens", 9_950_000m, "EUR", max: 12_100_000m, start: 3);
        var facts = new[]
        {
            Money("a.txt", "Siemens", 10_000_000m, "EUR", max: 12_000_000m, start: 1),
            Money("b.txt", "Siemens", 10_000_000m, "EUR", max: 11_900_000m, start: 2),
            lowest,
        };
        var expected = Assert.Single(Builder.Build([lowest])).Id;

        foreach (var order in new[] { new[] { 0, 1, 2 }, [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0] })
        {
            var record = Assert.Single(Builder.Build(order.Select(i => facts[i])));
            Assert.Equal(expected, record.Id);
            Assert.Equal(3, record.Mentions);
        }
    }

    [Fact]
    public void Build_SameRangeLowerBoundDifferentUpper_IdFromTheNarrowerInAnyInputOrder()
    {
        var narrow = Money("b.txt", "Siemens", 10_000_000m, "EUR", max: 11_900_000m, start: 2);
        var wide = Money("a.txt", "Siemens", 10_000_000m, "EUR", max: 12_000_000m, start: 1);
        var expected = Assert.Single(Builder.Build([narrow])).Id;

        Assert.Equal(expected, Assert.Single(Builder.Build([wide, narrow])).Id);
        Assert.Equal(expected, Assert.Single(Builder.Build([narrow, wide])).Id);
    }

    [Fact]
    public void Build_ClaimsOfOneArticle_OrderedByTheirEarliestMention()
    {
        // The claim of 100-101 million is first mentioned at offset 10 (its larger figure), the 500 million at
        // 30: records come in that order even though the claim's smaller figure stands later, at 50. Five
        // more claims later in the text keep their order too (not the order of their ids or values).
        var records = Builder.Build(
        [
            Money("a.txt", "Siemens", 100_000_000m, "EUR", start: 50),
            Money("a.txt", "Siemens", 500_000_000m, "EUR", start: 30),
            Money("a.txt", "Siemens", 101_000_000m, "EUR", start: 10),
            Money("a.txt", "Bosch", 7_000_000m, "EUR", start: 200),
            Money("a.txt", "Bosch", 3_000_000m, "EUR", start: 300),
            Money("a.txt", "Bosch", 90_000_000m, "EUR", start: 400),
            Money("a.txt", "Bosch", 40_000_000m, "EUR", start: 500),
            Money("a.txt", "Bosch", 1_000_000m, "EUR", start: 600),
        ]);

        Assert.Equal([101_000_000m, 500_000_000m, 7_000_000m, 3_000_000m, 90_000_000m, 40_000_000m, 1_000_000m], records.Select(r => r.Amount!.Min));
    }

    [Theory]
    [InlineData(98_000_000, 1)]  // 2 million apart, 2 % of the larger: the tolerance holds its bound
    [InlineData(97_900_000, 2)]  // 2.1 million apart: over it
    public void Build_FiguresAtTheToleranceBound_MergedUpToItInclusive(long smaller, int records)
    {
        var built = Builder.Build(
        [
            Money("a.txt", "Siemens", 100_000_000m, "EUR", start: 1),
            Money("b.txt", "Siemens", smaller, "EUR", start: 1),
        ]);

        Assert.Equal(records, built.Count);
    }

    [Fact]
    public void Build_Ranges_KeepTheirLowerAndUpperBound()
    {
        // Facts are kept as table entries and read back: a range must come back the right way round.
        var gpus = new Fact("b.txt", FactKind.Hardware, "Siemens", null, new Count(200, 300, Qualifier.Exact), "GPU", null,
            "200 bis 300 GPU", "Siemens stellt 200 bis 300 GPU auf.", 4, 0.9);
        var records = Builder.Build([Money("a.txt", "Siemens", 10_000_000m, "EUR", max: 12_000_000m, start: 1), gpus]);

        var money = Assert.Single(records, r => r.Kind == FactKind.Investment).Amount!;
        Assert.Equal((10_000_000m, 12_000_000m), (money.Min, money.Max));
        var count = Assert.Single(records, r => r.Kind == FactKind.Hardware).Count!;
        Assert.Equal((200L, 300L), (count.Min, count.Max));
    }

    [Fact]
    public void Build_HardwareWithoutActor_NotAdoptedByAnotherUnitsSameCount()
    {
        // A count without an actor joins the one actor that states the same count of the same unit; the same
        // number of servers is another claim than Siemens' GPUs.
        var records = Builder.Build(
        [
            Hardware("a.txt", "Siemens", 100_000, "GPU", start: 1),
            Hardware("b.txt", null, 100_000, "Server", start: 1),
        ]);

        Assert.Equal(2, records.Count);
        Assert.Null(Assert.Single(records, r => r.Unit == "Server").Actor);
    }

    [Fact]
    public void Build_ClaimMentionedFirstByItsSmallerFigure_OrderedByThatMention()
    {
        // The mirror of the test above: the claim's smaller figure stands first (5), its larger later (60).
        var records = Builder.Build(
        [
            Money("a.txt", "Siemens", 200_000_000m, "EUR", start: 5),
            Money("a.txt", "Siemens", 900_000_000m, "EUR", start: 30),
            Money("a.txt", "Siemens", 202_000_000m, "EUR", start: 60),
        ]);

        Assert.Equal([200_000_000m, 900_000_000m], records.Select(r => r.Amount!.Min));
    }

    [Fact]
    public void Build_MoreClaimsThanOneBatchHolds_AllInOrder()
    {
        // Records are made in batches of at most 256 claims: 600 claims take three, and come out whole and in order.
        var facts = Enumerable.Range(0, 600)
            .Select(i => Money($"a{i:000}.txt", $"Firma {i}", 5_000_000m, "EUR", start: 1))
            .ToList();

        var records = Builder.Build(facts.AsEnumerable().Reverse());

        Assert.Equal(facts.Select(f => f.Actor), records.Select(r => r.Actor));
    }

    [Fact]
    public void Build_OneClaimWithMoreMentionsThanABatchHolds_OneRecordBesideTheOthers()
    {
        // A batch holds at most 4,096 facts unless one claim alone has more: that claim is a batch of its own.
        var facts = Enumerable.Range(0, 5_000)
            .Select(i => Money($"a{i:0000}.txt", "Siemens", 5_000_000m, "EUR", start: 1))
            .Append(Money("a0000.txt", "Bosch", 9_000_000m, "EUR", start: 40))
            .Append(Money("a4999.txt", "Bosch", 1_000_000m, "EUR", start: 40))
            .ToList();

        var records = Builder.Build(facts);

        Assert.Equal(["Siemens", "Bosch", "Bosch"], records.Select(r => r.Actor));
        Assert.Equal([5_000, 1, 1], records.Select(r => r.Mentions));
    }

    [Fact]
    public void Build_AmountWithoutActor_NotAdoptedByAnotherCurrencysSameFigure()
    {
        var records = Builder.Build(
        [
            Money("a.txt", "Siemens", 100_000_000m, "EUR", start: 1),
            Money("b.txt", null, 100_000_000m, "USD", start: 1),
        ]);

        Assert.Equal(2, records.Count);
        Assert.Null(Assert.Single(records, r => r.Amount!.Currency == "USD").Actor);
    }

    [Fact]
    public void Build_ClaimsOfTwoArticles_ArticleOrderBeforeOffset()
    {
        // b.txt's claim stands at offset 5, a.txt's at 50: a.txt comes first all the same.
        var records = Builder.Build(
        [
            Money("b.txt", "Bosch", 7_000_000m, "EUR", start: 5),
            Money("a.txt", "Siemens", 100_000_000m, "EUR", start: 50),
        ]);

        Assert.Equal(["Siemens", "Bosch"], records.Select(r => r.Actor));
    }
}
