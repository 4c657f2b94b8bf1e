using System.Text;
using Extraction.Fetch;
using Xunit.Abstractions;

namespace Extraction.Tests.Clean;

/// <summary>
/// Every article of samples/ and of the seeds (../shared/seeds, read in place) against its cleaning.json:
/// each <c>drop</c> string gone, each <c>keep</c> string kept, each <c>once</c> string exactly once,
/// compared with white space collapsed.
/// </summary>
public sealed class CleaningSpecTests(ITestOutputHelper output)
{
    public static TheoryData<string> SampleArticles() => new(TestCorpus.ReadSpec(TestCorpus.SamplesDir).Keys);

    public static TheoryData<string> SeedArticles() =>
        TestCorpus.SeedsPresent ? new(TestCorpus.ReadSpec(TestCorpus.SeedsDir).Keys) : [];

    [Theory]
    [MemberData(nameof(SampleArticles))]
    public Task Clean_SampleArticle_MeetsCleaningSpec(string article) => AssertMeetsSpecAsync(TestCorpus.SamplesDir, article);

    [SeedTheory]
    [MemberData(nameof(SeedArticles))]
    public Task Clean_SeedArticle_MeetsCleaningSpec(string article) => AssertMeetsSpecAsync(TestCorpus.SeedsDir, article);

    /// <summary>The text dumps again, as other dumpers write them: without blank lines, or with CRLF line ends.</summary>
    public static TheoryData<string, string> SampleDumpVariants() => DumpVariants(TestCorpus.SamplesDir);

    public static TheoryData<string, string> SeedDumpVariants() => TestCorpus.SeedsPresent ? DumpVariants(TestCorpus.SeedsDir) : [];

    [Theory]
    [MemberData(nameof(SampleDumpVariants))]
    public Task Clean_SampleDumpVariant_MeetsCleaningSpec(string article, string variant) =>
        AssertMeetsSpecAsync(TestCorpus.SamplesDir, article, variant);

    [SeedTheory]
    [MemberData(nameof(SeedDumpVariants))]
    public Task Clean_SeedDumpVariant_MeetsCleaningSpec(string article, string variant) =>
        AssertMeetsSpecAsync(TestCorpus.SeedsDir, article, variant);

    private const string NoBlankLines = "no blank lines";
    private const string CrLf = "CRLF";

    private static TheoryData<string, string> DumpVariants(string folder)
    {
        var data = new TheoryData<string, string>();
        foreach (var article in TestCorpus.ReadSpec(folder).Keys.Where(a => !a.EndsWith(".html", StringComparison.OrdinalIgnoreCase)))
        {
            data.Add(article, NoBlankLines);
            data.Add(article, CrLf);
        }

        return data;
    }

    private static string Variant(string text, string? variant) => variant switch
    {
        null => text,
        NoBlankLines => string.Join('\n', text.Split('\n').Where(l => l.Trim().Length > 0)),
        CrLf => text.ReplaceLineEndings("\r\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "unknown variant"),
    };

    [Fact]
    public void CleaningSpec_EverySampleArticle_HasAnEntry() => AssertSpecCoversFolder(TestCorpus.SamplesDir);

    [SeedFact]
    public void CleaningSpec_EverySeedArticle_HasAnEntry() => AssertSpecCoversFolder(TestCorpus.SeedsDir);

    private async Task AssertMeetsSpecAsync(string folder, string article, string? variant = null)
    {
        var spec = TestCorpus.ReadSpec(folder)[article];
        var cleaned = variant is null
            ? await TestCorpus.CleanArticleAsync(Path.Combine(folder, article))
            : TestCorpus.CleanDump(article, Variant(await File.ReadAllTextAsync(Path.Combine(folder, article)), variant));
        var text = TestCorpus.Collapse(cleaned.Text);

        var failures = new List<string>();
        foreach (var s in spec.Drop)
        {
            var at = text.IndexOf(TestCorpus.Collapse(s), StringComparison.Ordinal);
            if (at >= 0)
            {
                failures.Add($"drop string left: \"{s}\" in …{Around(text, at, s.Length)}…");
            }
        }

        foreach (var s in spec.Keep.Where(s => !text.Contains(TestCorpus.Collapse(s), StringComparison.Ordinal)))
        {
            failures.Add($"keep string lost: \"{s}\"");
        }

        foreach (var s in spec.Once)
        {
            var count = Count(text, TestCorpus.Collapse(s));
            if (count != 1)
            {
                failures.Add($"once string found {count} times: \"{s}\"");
            }
        }

        var checks = spec.Drop.Length + spec.Keep.Length + spec.Once.Length;
        output.WriteLine($"{article}: {checks - failures.Count}/{checks} checks pass");
        if (failures.Count > 0)
        {
            var message = new StringBuilder($"{article}{(variant is null ? "" : $" ({variant})")}: {failures.Count} of {checks} cleaning checks fail").AppendLine();
            failures.ForEach(f => message.Append("  - ").AppendLine(f));
            message.AppendLine("cleaned text:").AppendLine(cleaned.Text);
            Assert.Fail(message.ToString());
        }
    }

    private static void AssertSpecCoversFolder(string folder)
    {
        var spec = TestCorpus.ReadSpec(folder);
        var articles = Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .Where(n => n is not null && InputResolver.Extensions.Contains(Path.GetExtension(n))
                && !n.StartsWith("README", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(articles);
        var missing = articles.Where(a => !spec.ContainsKey(a!)).ToList();
        var stale = spec.Keys.Where(k => !articles.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "articles without a cleaning.json entry: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "cleaning.json entries without an article: " + string.Join(", ", stale));
    }

    private static int Count(string text, string s)
    {
        var count = 0;
        for (var i = text.IndexOf(s, StringComparison.Ordinal); i >= 0; i = text.IndexOf(s, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Around(string text, int at, int length)
    {
        var start = Math.Max(0, at - 60);
        var end = Math.Min(text.Length, at + length + 60);
        return text[start..end];
    }
}
