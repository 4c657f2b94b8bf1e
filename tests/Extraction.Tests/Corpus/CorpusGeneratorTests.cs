using System.Text;
using Extraction.Corpus;
using Extraction.Fetch;
using Extraction.Tests.Support;

namespace Extraction.Tests.Corpus;

public class CorpusGeneratorTests
{
    private static CorpusOptions Options(ulong seed, int count = 40, CorpusFormats formats = CorpusFormats.All) =>
        new() { SamplesFolder = Repo.Samples, Count = count, Seed = seed, Formats = formats };

    private static Dictionary<string, byte[]> Files(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(dir, p).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    [Fact]
    public void WriteTo_SameSeed_ByteIdenticalFiles()
    {
        using var a = CliRunner.Temp();
        using var b = CliRunner.Temp();
        new CorpusGenerator(Options(7)).WriteTo(a.Path);
        new CorpusGenerator(Options(7)).WriteTo(b.Path);

        var first = Files(a.Path);
        var second = Files(b.Path);
        Assert.Equal(40, first.Count);
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in first)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(second[name]), $"{name} differs between two runs with the same seed");
        }
    }

    [Fact]
    public void WriteTo_DifferentSeed_DifferentCorpus()
    {
        using var a = CliRunner.Temp();
        using var b = CliRunner.Temp();
        new CorpusGenerator(Options(1, 10)).WriteTo(a.Path);
        new CorpusGenerator(Options(2, 10)).WriteTo(b.Path);

        var first = Files(a.Path).Values.Select(Convert.ToHexString).ToHashSet();
        Assert.DoesNotContain(Files(b.Path).Values, v => first.Contains(Convert.ToHexString(v)));
    }

    [Fact]
    public void Write_ArticleIndependentOfCount_SamePrefix()
    {
        // Article i depends on the seed and i only, so a 10,000 corpus starts with the 1,000 one.
        var small = new CorpusGenerator(Options(5, 3));
        var large = new CorpusGenerator(Options(5, 300));
        for (var i = 0; i < 3; i++)
        {
            using var x = new MemoryStream();
            using var y = new MemoryStream();
            small.Write(i, x);
            large.Write(i, y);
            Assert.Equal(small.RelativePath(i), large.RelativePath(i));
            Assert.Equal(x.ToArray(), y.ToArray());
        }
    }

    [Fact]
    public void WriteTo_Sizes_WithinFiveAndHundredFiftyKb()
    {
        using var dir = CliRunner.Temp();
        var summary = new CorpusGenerator(Options(3, 200)).WriteTo(dir.Path);

        var sizes = Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).Select(p => new FileInfo(p).Length).ToList();
        Assert.Equal(200, sizes.Count);
        Assert.Equal(sizes.Sum(), summary.Bytes);
        Assert.All(sizes, s => Assert.InRange(s, 5 * 1024, 150 * 1024));
        Assert.Contains(sizes, s => s > 60 * 1024);
        Assert.True(summary.Html > 0 && summary.Text > 0, $"expected both kinds, got {summary.Html} HTML and {summary.Text} text");
    }

    [Fact]
    public void WriteTo_HtmlOnly_PagesWithShellAndBoilerplate()
    {
        using var dir = CliRunner.Temp();
        var summary = new CorpusGenerator(Options(9, 30, CorpusFormats.Html)).WriteTo(dir.Path);

        Assert.Equal(30, summary.Html);
        foreach (var path in Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories))
        {
            Assert.EndsWith(".html", path, StringComparison.Ordinal);
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
            Assert.Contains("<html", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("</html>", text, StringComparison.OrdinalIgnoreCase);
            Assert.True(text.Split("<p>").Length > 3, $"{path} has too few body paragraphs");
        }
    }

    [Fact]
    public async Task WriteTo_Realistic_ArticleTextIsASmallPartOfThePage()
    {
        // Saved news pages carry 1.5 to 12 KB of article text; the rest of a 5 to 150 KB page is furniture.
        using var dir = CliRunner.Temp();
        new CorpusGenerator(Options(21, 60)).WriteTo(dir.Path);
        using var pipeline = Extraction.Pipeline.ExtractionPipeline.Create(new() { UseModel = false });

        var shares = new List<double>();
        foreach (var path in Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories))
        {
            var doc = (await new FileFetcher().FetchAsync(new InputItem(path, path, InputKind.File), CancellationToken.None)).Document!;
            var article = pipeline.Cleaner.Clean(doc).Article!;
            var text = Encoding.UTF8.GetByteCount(article.Text);
            Assert.InRange(text, 1000, 16 * 1024);
            shares.Add((double)text / doc.Content.Length);
        }

        shares.Sort();
        Assert.InRange(shares[shares.Count / 2], 0.02, 0.4);
    }

    [Fact]
    public async Task WriteTo_Realistic_CleanerDropsAllFurniture()
    {
        // Teasers and comments carry figures ("Land legt 500 Millionen Euro nach"); a cleaner that
        // lets them through would turn them into facts.
        using var dir = CliRunner.Temp();
        new CorpusGenerator(Options(22, 60)).WriteTo(dir.Path);
        using var pipeline = Extraction.Pipeline.ExtractionPipeline.Create(new() { UseModel = false });
        var phrases = PageFurniture.Phrases.ToList();
        var withFurniture = 0;

        foreach (var path in Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories))
        {
            var raw = Encoding.Latin1.GetString(File.ReadAllBytes(path));
            withFurniture += phrases.Any(p => raw.Contains(p.Split(' ')[0] + " ", StringComparison.Ordinal)) ? 1 : 0;
            var doc = (await new FileFetcher().FetchAsync(new InputItem(path, path, InputKind.File), CancellationToken.None)).Document!;
            var text = pipeline.Cleaner.Clean(doc).Article!.Text;
            var leaked = phrases.Where(p => text.Contains(p, StringComparison.Ordinal)).ToList();
            Assert.True(leaked.Count == 0, $"{Path.GetFileName(path)} kept furniture: {string.Join(" | ", leaked)}");
        }

        Assert.True(withFurniture >= 50, $"only {withFurniture} of 60 pages hold teasers or comments");
    }

    [Fact]
    public void WriteTo_Dense_BodyFillsThePage()
    {
        using var dir = CliRunner.Temp();
        new CorpusGenerator(Options(23, 20) with { Profile = CorpusProfile.Dense }).WriteTo(dir.Path);

        foreach (var path in Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(path);
            Assert.DoesNotContain(PageFurniture.Phrases, p => text.Contains(p, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Vary_Figures_ChangeDigitsButKeepYearsModelsAndShape()
    {
        const string paragraph = "Microsoft will bis Ende 2025 insgesamt 3,2 Milliarden Euro investieren und 10.000 H100 kaufen.";

        var varied = Enumerable.Range(0, 20).Select(s => ParagraphVariation.Vary(paragraph, (ulong)s)).ToList();

        Assert.All(varied, v => Assert.Contains("Ende 2025", v, StringComparison.Ordinal));
        Assert.All(varied, v => Assert.Contains("0.000 H100", v, StringComparison.Ordinal));
        Assert.All(varied, v => Assert.Matches("[1-9],[1-9] Milliarden Euro", v));
        Assert.True(varied.Distinct(StringComparer.Ordinal).Count() > 10);
        Assert.Contains(varied, v => !v.StartsWith("Microsoft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GenerateCommand_TwiceSameSeed_IdenticalAndRefusesNonEmptyFolder()
    {
        using var dir = CliRunner.Temp();
        var a = Path.Combine(dir.Path, "a");
        var b = Path.Combine(dir.Path, "b");

        var (code, stdout, _) = await CliRunner.Run("generate", "--from", Repo.Samples, "--count", "12", "--seed", "11", "--out", a);
        var (code2, _, _) = await CliRunner.Run("generate", "--from", Repo.Samples, "-n", "12", "--seed", "11", "--out", b, "-q");
        var (again, _, stderr) = await CliRunner.Run("generate", "--from", Repo.Samples, "--count", "1", "--out", a);

        Assert.Equal(0, code);
        Assert.Equal(0, code2);
        Assert.StartsWith("12 articles", stdout, StringComparison.Ordinal);
        var first = Files(a);
        var second = Files(b);
        Assert.Equal(12, first.Count);
        Assert.All(first, kv => Assert.Equal(kv.Value, second[kv.Key]));
        Assert.Equal(2, again);
        Assert.Contains("not empty", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingSamples_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CorpusGenerator(new CorpusOptions { SamplesFolder = "/no/such/folder", Count = 1 }));
        Assert.Throws<ArgumentException>(() => new CorpusGenerator(Options(1) with { MinBytes = 100 }));
    }
}
