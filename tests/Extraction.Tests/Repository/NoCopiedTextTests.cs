using System.Text.Json;
using System.Text.RegularExpressions;
using Extraction.Tests.Support;

namespace Extraction.Tests.Repository;

/// <summary>
/// Third-party text (the seeds, the real articles, the benchmark pages' article segments and the
/// GermEval sentences in ../shared)
/// stays there: no file of the repository may hold a run of seven words of it. Near-verbatim copies
/// (a number changed, a word dropped) keep such runs, which a fixed 70-character window misses.
/// A run found in two or more third-party documents is a convention of the language or of web pages
/// ("Ihre E-Mail-Adresse wird nicht veröffentlicht"), not one article's sentence, and is allowed.
/// </summary>
public sealed partial class NoCopiedTextTests
{
    private const int RunLength = 7;

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".md", ".txt", ".tsv", ".csv", ".json", ".jsonl", ".html", ".htm", ".sh", ".mjs", ".js", ".xml", ".props", ".csproj", ".yml", ".yaml",
    };

    // Build output, dependencies and tool caches are not the repository's own files (see .gitignore).
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        ".git", "bin", "obj", "out", "node_modules", "TestResults", "BenchmarkDotNet.Artifacts", ".build", ".vs", ".idea",
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    private static string[] Words(string text) => Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToArray();

    private static IEnumerable<string> Runs(string[] words)
    {
        for (var i = 0; i + RunLength <= words.Length; i++)
        {
            yield return string.Join(' ', words, i, RunLength);
        }
    }

    /// <summary>Each run of the third-party texts with the one document it comes from, or null when several have it.</summary>
    private static Dictionary<string, string?> ThirdPartyRuns(string shared)
    {
        var runs = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Add(string document, string text)
        {
            foreach (var run in Runs(Words(text)).Distinct())
            {
                runs[run] = runs.TryGetValue(run, out var seen) && seen != document ? null : document;
            }
        }

        foreach (var folder in new[] { "seeds", Path.Combine("realworld", "news", "articles") })
        {
            var dir = Path.Combine(shared, folder);
            foreach (var file in Directory.Exists(dir) ? Directory.GetFiles(dir, "*.txt") : [])
            {
                Add(Path.GetRelativePath(shared, file), File.ReadAllText(file));
            }
        }

        var evaldata = Path.Combine(shared, "realworld", "trafilatura-dev", "evaldata.json");
        if (File.Exists(evaldata))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(evaldata));
            foreach (var page in json.RootElement.EnumerateObject())
            {
                // "with": segments of a page's article text. "without" holds its furniture, largely stock
                // strings of web tools (comment forms, cookie notes) that pages everywhere share.
                if (page.Value.TryGetProperty("with", out var with) && with.ValueKind == JsonValueKind.Array)
                {
                    Add("evaldata.json " + page.Name, string.Join('\n', with.EnumerateArray().Select(s => s.GetString() ?? "")));
                }
            }
        }

        // GermEval 2014: one token a line (number, token, tags), a '#' line with the source before each sentence.
        var germeval = Path.Combine(shared, "realworld", "germeval2014");
        foreach (var file in Directory.Exists(germeval) ? Directory.GetFiles(germeval, "*.tsv") : [])
        {
            var (source, tokens) = ("", new List<string>());
            foreach (var line in File.ReadLines(file).Append("#"))
            {
                if (line.StartsWith('#') || line.Length == 0)
                {
                    if (tokens.Count > 0)
                    {
                        Add(source, string.Join(' ', tokens));
                        tokens.Clear();
                    }

                    source = line.StartsWith('#') ? line : source;
                    continue;
                }

                var cells = line.Split('\t');
                if (cells.Length > 1)
                {
                    tokens.Add(cells[1]);
                }
            }
        }

        return runs;
    }

    private static IEnumerable<string> RepositoryFiles(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir).Where(f => TextExtensions.Contains(Path.GetExtension(f))))
        {
            yield return file;
        }

        foreach (var sub in Directory.EnumerateDirectories(dir).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
        {
            foreach (var file in RepositoryFiles(sub))
            {
                yield return file;
            }
        }
    }

    [SkippableFact]
    public void RepositoryFiles_HoldNoRunOfSevenWordsFromOneThirdPartyText()
    {
        var shared = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared"));
        Skip.IfNot(Directory.Exists(Path.Combine(shared, "seeds")), "../shared is not beside this clone: nothing to compare the repository with.");
        var thirdParty = ThirdPartyRuns(shared);
        Assert.True(thirdParty.Count > 10_000, $"only {thirdParty.Count} word runs read from {shared}: the texts were not found");

        var copies = new List<string>();
        foreach (var file in RepositoryFiles(Repo.Root))
        {
            foreach (var run in Runs(Words(File.ReadAllText(file))).Distinct())
            {
                if (thirdParty.TryGetValue(run, out var source) && source is not null)
                {
                    copies.Add($"{Path.GetRelativePath(Repo.Root, file)}: \"{run}\" (from {source})");
                }
            }
        }

        Assert.True(copies.Count == 0, $"{copies.Count} runs of words copied from ../shared; write your own sentences:\n{string.Join('\n', copies.Take(40))}");
    }

    [Fact]
    public void Runs_NearVerbatimSentence_SharesARun()
    {
        // The check itself: a sentence with one figure changed still shares a run; a rewording does not.
        var original = Runs(Words("Die Stadtwerke Kiel wollen bis 2028 rund 40 Millionen Euro in ein neues Rechenzentrum am Hafen stecken.")).ToHashSet();
        var edited = Runs(Words("Die Stadtwerke Kiel wollen bis 2029 rund 40 Millionen Euro in ein neues Rechenzentrum am Hafen stecken."));
        var reworded = Runs(Words("Ein neues Rechenzentrum am Kieler Hafen soll die Stadtwerke bis 2028 etwa 40 Millionen Euro kosten."));

        Assert.Contains(edited, original.Contains);
        Assert.DoesNotContain(reworded, original.Contains);
    }
}
