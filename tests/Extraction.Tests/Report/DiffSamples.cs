using Extraction.Diff;
using Extraction.Model;

namespace Extraction.Tests.Report;

/// <summary>A small diff with every kind of change: two added (one from a URL), one removed, one changed.</summary>
internal static class DiffSamples
{
    public static ClaimRecord Microsoft(decimal amount, string id, params string[] articles) => new(
        id, FactKind.Investment, "Microsoft", new Amount(amount, amount, "EUR", Qualifier.Exact), null, null, null,
        articles.Select(a => new Source(a, $"Microsoft investiert {amount / 1_000_000_000m} Milliarden Euro in Rechenzentren.", $"{amount / 1_000_000_000m} Milliarden Euro")).ToList(),
        articles.Length);

    public static DiffResult Mixed()
    {
        var oldRecords = new List<ClaimRecord>
        {
            Microsoft(3_200_000_000m, "aaaaaaaaaaaa", "01.txt"),
            new("bbbbbbbbbbbb", FactKind.Investment, "Intel", new Amount(30_000_000_000m, 30_000_000_000m, "EUR", Qualifier.About), null, null, null,
                [new Source("05.html", "Intel wollte rund 30 Milliarden Euro investieren.", "rund 30 Milliarden Euro")], 1),
        };
        var newRecords = new List<ClaimRecord>
        {
            Microsoft(3_300_000_000m, "cccccccccccc", "01.txt", "https://news.example.org/microsoft?id=1&x=<2>"),
            new("dddddddddddd", FactKind.Hardware, "xAI", null, new Count(100_000, 100_000, Qualifier.Exact), "GPU", "H100",
                [new Source("04.txt", "xAI betreibt 100.000 Nvidia H100 GPUs.", "100.000 Nvidia H100 GPUs")], 1),
            new("eeeeeeeeeeee", FactKind.Investment, "<script>alert(1)</script>", new Amount(5_000_000m, 5_000_000m, "EUR", Qualifier.Exact), null, null, null,
                [new Source("javascript:alert(1)", "Eine <b>Firma</b> gibt 5 Millionen Euro aus.", "5 Millionen Euro")], 1),
        };
        return RecordDiff.Compare(oldRecords, newRecords);
    }
}
