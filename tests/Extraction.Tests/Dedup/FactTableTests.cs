using Extraction.Dedup;
using Extraction.Facts;
using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Tests.Support;
using static Extraction.Tests.Support.TestFacts;

namespace Extraction.Tests.Dedup;

public sealed class FactTableTests
{
    private static readonly RecordBuilder Builder = new(ActorGazetteer.Load(ModelFiles.Embedded));

    private static List<Fact> Mixed() =>
    [
        Money("a.txt", "Europäische Union", 200_000_000_000m, "EUR", start: 10) with { Sentence = "Die EU mobilisiert 200 Milliarden Euro für KI.", Text = "200 Milliarden Euro" },
        Money("a.txt", null, 16_000_000_000m, "USD", Qualifier.UpTo, max: 18_000_000_000m, start: 80) with { Sentence = "Zwischen 16 und 18 Milliarden Dollar.", Text = "16 bis 18 Milliarden Dollar" },
        Hardware("b.txt", "Nvidia", 100_000, "gpu", start: 5) with { HardwareModel = "H100", Sentence = "100.000 Nvidia H100 GPUs für Europa.", Text = "100.000 Nvidia H100 GPUs" },
        Money("c.txt", "Brookfield", 0.5m, "CAD", Qualifier.About, start: 0) with { Sentence = "Rund eine halbe Milliarde kanadische Dollar: ä ö ü ß „Zitat“.", Text = "eine halbe Milliarde" },

        // Longer than the 1 KB window a fact is first read with (and than twice that).
        Money("d.txt", "Microsoft", 3_200_000_000m, "EUR", start: 12) with { Sentence = string.Concat(Enumerable.Repeat("Ein sehr langer Satz über Rechenzentren, ", 200)) + "3,2 Milliarden Euro.", Text = "3,2 Milliarden Euro" },
    ];

    [Fact]
    public void Add_MoreFactsThanOneChunkHolds_EachReadBack()
    {
        // Entries are kept in chunks of 65,536: the facts on both sides of the first boundary come back.
        using var table = Builder.CreateTable();
        var facts = Enumerable.Range(0, 65_540).Select(i => Money($"a{i}.txt", "Siemens", 1_000m + i, "EUR", start: i)).ToList();
        table.AddRange(facts);

        foreach (var i in new[] { 0, 65_535, 65_536, 65_539 })
        {
            Assert.Equal(facts[i] with { Confidence = 0 }, table.Read(table.At(i)));
        }
    }

    [Fact]
    public void Add_OnceReadingBegan_Refused()
    {
        using var table = Builder.CreateTable();
        table.Add(Money("a.txt", "Siemens", 1_000m, "EUR"));
        _ = table.Read(table.At(0));

        Assert.Throws<InvalidOperationException>(() => table.Add(Money("b.txt", "Siemens", 2_000m, "EUR")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_SpilledFacts_ComeBackAsWritten(bool toFile)
    {
        using var tmp = CliRunner.Temp();
        var facts = Mixed();
        using var table = Builder.CreateTable(toFile ? tmp.Path : null);
        table.AddRange(facts);

        Assert.Equal(facts.Count, table.Count);
        for (var i = facts.Count - 1; i >= 0; i--)
        {
            // Records need no confidence; everything else round-trips.
            Assert.Equal(facts[i] with { Confidence = 0, Explanation = null }, table.Read(table.At(i)));
        }
    }

    [Fact]
    public void Dispose_SpillFile_IsDeleted()
    {
        using var tmp = CliRunner.Temp();
        using (var table = Builder.CreateTable(tmp.Path))
        {
            table.AddRange(Mixed());

            // On Unix the spill file is unlinked as soon as it is open, so not even a killed run leaves it behind.
            Assert.Equal(OperatingSystem.IsWindows() ? 1 : 0, Directory.GetFiles(tmp.Path, ".facts-spill.*").Length);
            Assert.Equal(Mixed()[2] with { Confidence = 0 }, table.Read(table.At(2)));
        }

        Assert.Empty(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void Build_SpillFileOrMemory_SameRecords()
    {
        using var tmp = CliRunner.Temp();
        var facts = Enumerable.Range(0, 5_000)
            .Select(i => Money($"{i % 300:D3}.txt", i % 7 == 0 ? null : $"Firma {i % 40}", 1000m * (1 + (i % 53)), i % 3 == 0 ? "USD" : "EUR", start: i)
                with { Sentence = $"Satz {i % 900} mit einer Zahl.", Text = $"{i}" })
            .ToList();
        var fromMemory = Builder.Build(facts);

        using var table = Builder.CreateTable(tmp.Path);
        table.AddRange(facts);
        var fromDisk = Builder.Build(table).ToList();

        static string Json(ClaimRecord r) => Extraction.Output.JsonFormats.Line(w => Extraction.Output.JsonFormats.WriteRecord(w, r));
        Assert.True(fromMemory.Count > 500, $"only {fromMemory.Count} records");
        Assert.Equal(fromMemory.Select(Json), fromDisk.Select(Json));
    }

    [Fact]
    public void Build_CallerStopsEarly_BatchUnderWayEndsBeforeTheTableCloses()
    {
        using var tmp = CliRunner.Temp();
        var facts = Enumerable.Range(0, 20_000)
            .Select(i => Money($"{i % 500:D3}.txt", $"Firma {i % 700}", 1000m * (1 + (i % 97)), "EUR", start: i) with { Sentence = $"Satz {i}.", Text = $"{i}" })
            .ToList();
        var table = Builder.CreateTable(tmp.Path);
        table.AddRange(facts);

        // Records come a batch at a time, the next batch built while the caller takes this one.
        var first = Builder.Build(table, r => r.Id).Take(3).ToList();
        table.Dispose();

        using var again = Builder.CreateTable(tmp.Path);
        again.AddRange(facts);
        Assert.Equal(first, Builder.Build(again, r => r.Id).Take(3));
    }
}
