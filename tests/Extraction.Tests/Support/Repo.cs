namespace Extraction.Tests.Support;

/// <summary>Locates the repository and the shared seed articles from the test assembly's folder.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootDir = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Extraction.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Extraction.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder with Extraction.sln).</summary>
    public static string Root => RootDir.Value;

    /// <summary>samples/ of the repository.</summary>
    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>../shared/seeds beside the repository, or null on a fresh clone that lacks it.</summary>
    public static string? Seeds
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));
            return Directory.Exists(path) && File.Exists(Path.Combine(path, "gold.jsonl")) ? path : null;
        }
    }

    /// <summary>Skips the calling test with a visible reason when the seeds are absent.</summary>
    public static string RequireSeeds()
    {
        Skip.If(Seeds is null, "../shared/seeds is not beside this clone (CI has it; a fresh clone does not): seed tests skipped.");
        return Seeds!;
    }
}
