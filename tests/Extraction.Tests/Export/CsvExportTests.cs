using System.Text;
using CsvHelper;
using Extraction.Export;
using Extraction.Model;
using Extraction.Tests.Support;

namespace Extraction.Tests.Export;

public sealed class CsvExportTests
{
    private static readonly Fact Investment = new(
        "dir/a, \"b\".txt", FactKind.Investment, "Stadtwerke Nürnberg", new Amount(2_500_000_000, 2_500_000_000, "EUR", Qualifier.About), null, null, null,
        "rund 2,5 Milliarden Euro", "Die Stadtwerke Nürnberg stecken rund 2,5 Milliarden Euro in ein \"grünes\" Rechenzentrum;\nder Bau beginnt im Mai.", 17, 0.8768);

    private static readonly Fact Hardware = new(
        "b.html", FactKind.Hardware, null, null, new Count(4_000, 4_500, Qualifier.Exact), "GPU", "H200",
        "4.000 bis 4.500 H200-GPUs", "=HYPERLINK(\"x\") 4.000 bis 4.500 H200-GPUs sollen nach Erlangen.", 0, 1);

    /// <summary>Scripts and spreadsheet templates address columns by position: the order is part of the contract (docs/contract.md); new columns go at the end.</summary>
    [Fact]
    public void Columns_OrderPinned()
    {
        Assert.Equal(
            ["article", "kind", "actor", "amount_min", "amount_max", "currency", "count_min", "count_max", "unit", "model", "qualifier", "display", "confidence", "text", "sentence", "offset"],
            CsvExport.FactColumns.Take(16));
        Assert.Equal(
            ["id", "kind", "actor", "amount_min", "amount_max", "currency", "count_min", "count_max", "unit", "model", "qualifier", "display", "mentions", "articles", "text", "sentence"],
            CsvExport.RecordColumns.Take(16));
    }

    [Fact]
    public void WriteFacts_ReadBack_EveryColumnInOrderAndValuesIntact()
    {
        var rows = Write(s => CsvExport.WriteFacts(s, [Investment, Hardware]), out var count);

        Assert.Equal(2, count);
        Assert.Equal(CsvExport.FactColumns, rows.Header);
        var a = rows.Rows[0];
        Assert.Equal("dir/a, \"b\".txt", a["article"]);
        Assert.Equal("investment", a["kind"]);
        Assert.Equal("Stadtwerke Nürnberg", a["actor"]);
        Assert.Equal("2500000000", a["amount_min"]);
        Assert.Equal("2500000000", a["amount_max"]);
        Assert.Equal("EUR", a["currency"]);
        Assert.Equal("", a["count_min"]);
        Assert.Equal("about", a["qualifier"]);
        Assert.Equal("≈ 2,5 Mrd. EUR", a["display"]);
        Assert.Equal("0.877", a["confidence"]);
        Assert.Equal(Investment.Sentence, a["sentence"]);
        Assert.Equal("17", a["offset"]);

        var h = rows.Rows[1];
        Assert.Equal("hardware", h["kind"]);
        Assert.Equal("", h["actor"]);
        Assert.Equal("", h["amount_min"]);
        Assert.Equal("4000", h["count_min"]);
        Assert.Equal("4500", h["count_max"]);
        Assert.Equal("GPU", h["unit"]);
        Assert.Equal("H200", h["model"]);
        Assert.Equal("4.000 bis 4.500 H200-GPUs", h["display"]);

        // A sentence that starts like a formula is kept as text: Excel shows the apostrophe-led cell as it is.
        Assert.Equal("'" + Hardware.Sentence, h["sentence"]);
    }

    [Fact]
    public void WriteRecords_ReadBack_SourcesJoinedAndFirstSourceQuoted()
    {
        var record = new ClaimRecord("3f2a9c01d4e5", FactKind.Investment, "Land Bayern", new Amount(16_000_000_000, 18_000_000_000, "EUR", Qualifier.Exact), null, null, null,
            [new Source("b.txt", "Bayern gibt 16 bis 18 Milliarden Euro.", "16 bis 18 Milliarden Euro"), new Source("c.txt", "Andere Worte.", "18 Mrd."), new Source("b.txt", "Noch einmal.", "16 bis 18 Mrd.")], 3);

        var rows = Write(s => CsvExport.WriteRecords(s, [record]), out var count);

        Assert.Equal(1, count);
        Assert.Equal(CsvExport.RecordColumns, rows.Header);
        var r = rows.Rows[0];
        Assert.Equal("3f2a9c01d4e5", r["id"]);
        Assert.Equal("16000000000", r["amount_min"]);
        Assert.Equal("18000000000", r["amount_max"]);
        Assert.Equal("16 bis 18 Mrd. EUR", r["display"]);
        Assert.Equal("3", r["mentions"]);
        Assert.Equal("b.txt; c.txt", r["articles"]);
        Assert.Equal("16 bis 18 Milliarden Euro", r["text"]);
        Assert.Equal("Bayern gibt 16 bis 18 Milliarden Euro.", r["sentence"]);
    }

    [Fact]
    public void Write_Bom_OnlyWhenAsked()
    {
        using var with = new MemoryStream();
        using var without = new MemoryStream();
        CsvExport.WriteFacts(with, [Investment], new CsvOptions { Bom = true });
        CsvExport.WriteFacts(without, [Investment]);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), with.ToArray()[..3]);
        Assert.Equal((byte)'a', without.ToArray()[0]);
        Assert.Equal(with.ToArray()[3..], without.ToArray());
    }

    [Fact]
    public void Write_SemicolonDelimiter_ReadsBackWithSemicolon()
    {
        var rows = Write(s => CsvExport.WriteFacts(s, [Investment], new CsvOptions { Delimiter = ";" }), out _, ';');

        Assert.StartsWith("article;kind;actor;", rows.Text, StringComparison.Ordinal);
        Assert.Equal("≈ 2,5 Mrd. EUR", rows.Rows[0]["display"]);
        Assert.Equal("rund 2,5 Milliarden Euro", rows.Rows[0]["text"]);
    }

    [Fact]
    public void Write_NoFacts_HeaderOnly()
    {
        var rows = Write(s => CsvExport.WriteFacts(s, []), out var count);

        Assert.Equal(0, count);
        Assert.Equal(CsvExport.FactColumns, rows.Header);
        Assert.Empty(rows.Rows);
    }

    [Fact]
    public void Write_UnknownDelimiter_ArgumentException() =>
        Assert.Throws<ArgumentException>(() => CsvExport.WriteFacts(new MemoryStream(), [Investment], new CsvOptions { Delimiter = "|" }));

    [Fact]
    public void WriteFactsFile_FailingSource_LeavesNoPartFile()
    {
        using var tmp = CliRunner.Temp();
        var path = Path.Combine(tmp.Path, "facts.csv");
        File.WriteAllText(path, "before");

        Assert.Throws<FormatException>(() => CsvExport.WriteFactsFile(path, Failing()));

        Assert.Equal("before", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(tmp.Path));

        static IEnumerable<Fact> Failing()
        {
            yield return Investment;
            throw new FormatException("facts.jsonl:2: broken line");
        }
    }

    internal sealed record Table(string Text, IReadOnlyList<string> Header, IReadOnlyList<Dictionary<string, string>> Rows);

    internal static Table Read(byte[] bytes, char separator = ',')
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = separator });
        var header = reader.Headers.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal));
        }

        return new Table(Encoding.UTF8.GetString(bytes), header, rows);
    }

    private static Table Write(Func<Stream, int> write, out int count, char separator = ',')
    {
        using var stream = new MemoryStream();
        count = write(stream);
        return Read(stream.ToArray(), separator);
    }
}
