using Extraction.Tests.Support;

namespace Extraction.Tests.Cli;

public sealed class EvalCommandTests
{
    [Fact]
    public async Task Eval_NoneLinesAndVerbose_ListsSpuriousWithSentenceAndMissWithQuote()
    {
        using var tmp = CliRunner.Temp();
        var gold = tmp.File("gold.jsonl",
            "{\"article\":\"a.txt\",\"kind\":\"none\"}\n" +
            "{\"article\":\"b.txt\",\"kind\":\"investment\",\"actor\":\"Gemeinde\",\"amount_min\":3000000,\"amount_max\":3000000,\"currency\":\"EUR\",\"qualifier\":\"exact\",\"quote\":\"3 Mio. Euro\"}\n");
        var facts = tmp.File("out/facts.jsonl",
            "{\"article\":\"a.txt\",\"kind\":\"investment\",\"actor\":null,\"amount\":{\"min\":12,\"max\":12,\"currency\":\"EUR\",\"qualifier\":\"exact\"},\"text\":\"12 Euro\",\"sentence\":\"Das Ticket kostet 12 Euro.\",\"confidence\":0.9}\n");
        tmp.File("out/articles.jsonl", "{\"article\":\"b.txt\",\"title\":\"t\",\"text\":\"Vorher. Die Gemeinde baut für 3 Mio. Euro eine Halle.\",\"removed\":0}\n");

        var (code, stdout, _) = await CliRunner.Run("eval", "--gold", gold, "--facts", facts, "--verbose", "--per-article");

        Assert.Equal(0, code);
        Assert.Contains("a.txt: spurious investment () \"12 Euro\" in \"Das Ticket kostet 12 Euro.\"", stdout, StringComparison.Ordinal);
        Assert.Contains("b.txt: missed investment 3000000 EUR (Gemeinde) \"3 Mio. Euro\" in \"Die Gemeinde baut für 3 Mio. Euro eine Halle.\"", stdout, StringComparison.Ordinal);
        Assert.Contains("2 articles scored (1 without facts in the gold)", stdout, StringComparison.Ordinal);
    }
}
