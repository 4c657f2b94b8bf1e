using System.Text.Json;
using System.Text.RegularExpressions;
using Extraction.Clean;
using Extraction.Fetch;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Tests.Clean;

/// <summary>The sample corpus (samples/) and the seed articles read in place from ../shared/seeds.</summary>
internal static partial class TestCorpus
{
    /// <summary>The folder holding Extraction.sln, found by walking up from the test assembly.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SamplesDir => Path.Combine(RepoRoot, "samples");

    /// <summary>The seed articles beside the repository; never copied into it.</summary>
    public static string SeedsDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "seeds"));

    public static bool SeedsPresent => File.Exists(Path.Combine(SeedsDir, "cleaning.json"));

    public static ArticleCleaner Cleaner { get; } = new(BoilerplateRules.Load(ModelFiles.Embedded));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extraction.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Extraction.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The cleaning spec of a corpus folder: per article, strings to drop, keep, and keep exactly once.</summary>
    public static IReadOnlyDictionary<string, CleaningSpec> ReadSpec(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "cleaning.json")));
        var specs = new SortedDictionary<string, CleaningSpec>(StringComparer.Ordinal);
        foreach (var article in json.RootElement.EnumerateObject())
        {
            specs[article.Name] = new CleaningSpec(
                Strings(article.Value, "drop"), Strings(article.Value, "keep"), Strings(article.Value, "once"));
        }

        return specs;
    }

    private static string[] Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];

    /// <summary>Fetches and cleans one file the way the pipeline does.</summary>
    public static async Task<CleanOutcome> CleanFileAsync(string path)
    {
        var item = new InputItem(Path.GetFileName(path), path, InputKind.File);
        var fetched = await new FileFetcher().FetchAsync(item, CancellationToken.None);
        Assert.True(fetched.Failure is null, $"{path}: {fetched.Failure?.Reason}");
        return TestCorpus.Cleaner.Clean(fetched.Document!);
    }

    /// <summary>Cleaned text of one article, failing the test when cleaning fails.</summary>
    public static async Task<Article> CleanArticleAsync(string path)
    {
        var outcome = await CleanFileAsync(path);
        Assert.True(outcome.Failure is null, $"{path}: {outcome.Failure?.Reason}");
        return outcome.Article!;
    }

    /// <summary>Cleans a text dump given as text (UTF-8), the way the pipeline cleans a .txt or .md file.</summary>
    public static Article CleanDump(string name, string text)
    {
        var item = new InputItem(name, "/variant/" + name, InputKind.File);
        var outcome = Cleaner.Clean(new FetchedDocument(item, System.Text.Encoding.UTF8.GetBytes(text), DocumentFormat.Text, null, null));
        Assert.True(outcome.Failure is null, $"{name}: {outcome.Failure?.Reason}");
        return outcome.Article!;
    }

    /// <summary>White space collapsed to single spaces, for comparisons that ignore line breaks.</summary>
    public static string Collapse(string s) => Whitespace().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>What cleaning must do to one article (cleaning.json).</summary>
internal sealed record CleaningSpec(string[] Drop, string[] Keep, string[] Once);
