using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Extraction.Tests.Store;

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "extract-tests-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS cleans the temp folder.
        }
    }
}

/// <summary>Sample articles, generated corpora, and ways to run the CLI (in-process, or as a real child process).</summary>
internal static class StoreTestSupport
{
    private static readonly Lazy<string> RootDir = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Extraction.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Extraction.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Samples => System.IO.Path.Combine(RootDir.Value, "samples");

    /// <summary>The CLI beside the test assembly (the test project references it).</summary>
    public static string ExtractDll => System.IO.Path.Combine(AppContext.BaseDirectory, "extract.dll");

    public static string[] SampleFiles() =>
        Directory.GetFiles(Samples).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();

    /// <summary>Copies the sample articles into <paramref name="dest"/>.</summary>
    public static string CopySamples(string dest)
    {
        Directory.CreateDirectory(dest);
        foreach (var f in SampleFiles())
        {
            File.Copy(f, System.IO.Path.Combine(dest, System.IO.Path.GetFileName(f)));
        }

        return dest;
    }

    /// <summary>
    /// <paramref name="count"/> articles made from the samples, each perturbed (a figure changed, a
    /// line added) so every copy has its own content hash and some their own facts.
    /// </summary>
    public static string Generate(string dest, int count)
    {
        Directory.CreateDirectory(dest);
        var samples = SampleFiles();
        for (var i = 0; i < count; i++)
        {
            var src = samples[i % samples.Length];
            var name = System.IO.Path.GetFileName(src);
            var bytes = File.ReadAllBytes(src);
            var extra = System.Text.Encoding.ASCII.GetBytes(FormattableString.Invariant(
                $"\n<!-- copy {i} -->\nDie Beispiel {i} GmbH investiert {i + 1} Millionen Euro in ein neues Rechenzentrum.\n"));
            File.WriteAllBytes(System.IO.Path.Combine(dest, FormattableString.Invariant($"{i:0000}_{name}")), [.. bytes, .. extra]);
        }

        return dest;
    }

    /// <summary>Runs the CLI in this process.</summary>
    public static async Task<(int Code, string Out, string Err)> Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Extraction.Cli.Cli.MainAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts `dotnet extract.dll args` as a child process with redirected output.</summary>
    public static Process StartChild(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ExtractDll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>A single value from a store, read beside whatever writes it (WAL readers do not block).</summary>
    public static long Count(string dbPath, string sql)
    {
        using var db = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
