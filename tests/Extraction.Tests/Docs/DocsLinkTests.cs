using System.Text.RegularExpressions;
using Extraction.Tests.Support;

namespace Extraction.Tests.Docs;

/// <summary>The front door is complete in itself: README and docs/ link only to files that a clone has.</summary>
public sealed partial class DocsLinkTests
{
    [GeneratedRegex(@"\]\(([^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex MarkdownLink();

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md", "samples/README.md" };
        foreach (var page in Directory.GetFiles(Path.Combine(Repo.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(Repo.Root, page));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Links_PointToFilesInsideTheRepository(string page)
    {
        var path = Path.Combine(Repo.Root, page);
        var root = Path.GetFullPath(Repo.Root) + Path.DirectorySeparatorChar;
        var bad = new List<string>();
        foreach (Match m in MarkdownLink().Matches(File.ReadAllText(path)))
        {
            var target = m.Groups[1].Value;
            if (target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal))
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target));
            if (!full.StartsWith(root, StringComparison.Ordinal) || !(File.Exists(full) || Directory.Exists(full)))
            {
                bad.Add(target);
            }
        }

        Assert.True(bad.Count == 0, $"{page} links outside the repository or to missing files: {string.Join(", ", bad)}");
    }
}
