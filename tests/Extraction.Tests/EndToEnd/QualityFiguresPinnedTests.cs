using Extraction.Tests.Support;

namespace Extraction.Tests.EndToEnd;

/// <summary>
/// Floors just under the F1 the pipeline reaches today (CorpusQualityTests holds the issues' bars,
/// which sit far lower: records on the seeds 0.90 against 0.983 reached). Each floor is the figure
/// measured on 2026-12-06 less about one fact's worth, so losing a claim that works today fails here.
/// With the model: the ML.NET model that replaced the hand-written one that day (seeds amount+actor
/// 0.951 with the old model, 0.930 with the new; samples 0.934 and 0.982). Later that day the actor rules for
/// real news (lender, buyer, subsidy giver, same-noun reference) raised the rules-only figures and the seeds'
/// with the model (0.899 -> 0.950); samples amount+actor with the model dipped to 0.921 in between (a recogniser
/// name from an English quote as actor) and is back at 0.930 since the recogniser leaves quoted speech out.
/// Measured with: extract run samples --out X [--rules-only]; extract eval --gold samples/gold.jsonl --facts X/facts.jsonl
/// (and the same on ../shared/seeds). A change that raises a figure should raise its floor.
/// </summary>
public sealed class QualityFiguresPinnedTests
{
    private static void AtLeast(double f1, double floor, double measured, string what) =>
        Assert.True(f1 >= floor, $"{what} F1 {f1:0.000} < {floor:0.000} (measured {measured:0.000} when this floor was set)");

    [Theory]
    // rulesOnly, then (measured F1, floor) for amounts, amounts+actor, hardware, records.
    // false: the opt-in models/ml configuration (ML.NET model and organisation recogniser).
    [InlineData(false, 0.995, 0.990, 0.930, 0.925, 1.000, 0.990, 0.976, 0.970)]
    [InlineData(true, 0.991, 0.985, 0.925, 0.915, 0.974, 0.965, 0.975, 0.965)]
    public async Task Samples_F1_NotBelowTodaysFigures(bool rulesOnly, double amounts, double amountsFloor, double withActor, double withActorFloor, double hardware, double hardwareFloor, double records, double recordsFloor)
    {
        var report = await CorpusQualityTests.RunAndScore(Repo.Samples, rulesOnly);

        AtLeast(report.Amounts.F1, amountsFloor, amounts, "amount");
        AtLeast(report.AmountsWithActor.F1, withActorFloor, withActor, "amount+actor");
        AtLeast(report.Hardware.F1, hardwareFloor, hardware, "hardware");
        AtLeast(report.Records!.F1, recordsFloor, records, "records");
    }

    [SkippableTheory]
    [InlineData(false, 1.000, 0.990, 0.950, 0.940, 1.000, 0.990, 0.983, 0.975)]
    [InlineData(true, 1.000, 0.990, 0.950, 0.940, 1.000, 0.990, 0.983, 0.975)]
    public async Task Seeds_F1_NotBelowTodaysFigures(bool rulesOnly, double amounts, double amountsFloor, double withActor, double withActorFloor, double hardware, double hardwareFloor, double records, double recordsFloor)
    {
        var report = await CorpusQualityTests.RunAndScore(Repo.RequireSeeds(), rulesOnly);

        AtLeast(report.Amounts.F1, amountsFloor, amounts, "amount");
        AtLeast(report.AmountsWithActor.F1, withActorFloor, withActor, "amount+actor");
        AtLeast(report.Hardware.F1, hardwareFloor, hardware, "hardware");
        AtLeast(report.Records!.F1, recordsFloor, records, "records");
    }
}
