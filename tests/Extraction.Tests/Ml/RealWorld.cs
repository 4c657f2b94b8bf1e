using Extraction.Tests.Support;

namespace Extraction.Tests.Ml;

/// <summary>Locates ../shared/realworld beside the repository; tests that need it skip with a reason when absent.</summary>
internal static class RealWorld
{
    /// <summary>A folder of ../shared/realworld, or a skip naming it.</summary>
    public static string Require(string folder)
    {
        var path = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "realworld", folder));
        Skip.IfNot(Directory.Exists(path), $"../shared/realworld/{folder} is not beside this clone (a fresh clone lacks it): skipped.");
        return path;
    }
}
