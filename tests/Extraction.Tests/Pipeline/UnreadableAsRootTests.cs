using System.Diagnostics;
using Extraction.Tests.Store;

namespace Extraction.Tests.Pipeline;

/// <summary>
/// The unreadable-file case where the tests run as root (CI does): root reads a file of mode 000, so
/// `extract run` is started as the unprivileged user nobody (setpriv), for whom it is unreadable.
/// Not as root, Process_UnreadableFile_ReportsCannotRead stages the case in-process instead.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnreadableAsRootTests : IDisposable
{
    private const int Nobody = 65534;
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        foreach (var f in Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        _dir.Dispose();
    }

    private static bool IsRoot() => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    [SkippableFact]
    public async Task Run_AsUnprivilegedUser_FileOfMode000_FailsNamingItBatchGoesOn()
    {
        Skip.IfNot(IsRoot(), "not root: Process_UnreadableFile_ReportsCannotRead stages this case in-process");
        // Under CI=true a missing setpriv fails instead of skipping, as a missing Chromium does for the report tests.
        Skip.If(!File.Exists("/usr/bin/setpriv") && !Report.ChromiumFactAttribute.RequiredHere, "as root the case needs setpriv (util-linux) to drop to an unprivileged user");
        Assert.True(File.Exists("/usr/bin/setpriv"), "CI=true, running as root, and /usr/bin/setpriv (util-linux) is missing: the unreadable-file case must not be skipped in CI");

        // nobody may pass the folder, write the output and read the good file, but not the locked one.
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)0b111_101_101);
        var locked = _dir["gesperrt.html"];
        File.WriteAllText(locked, "<html><body><p>Die Stadtwerke investieren 12 Millionen Euro in ein Rechenzentrum.</p></body></html>");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        var readable = _dir["offen.txt"];
        File.WriteAllText(readable, "Die Gemeinde baut für 3 Millionen Euro ein Glasfasernetz, das im Sommer fertig sein soll.\n");
        File.SetUnixFileMode(readable, (UnixFileMode)0b110_100_100);
        var outDir = _dir["out"];
        Directory.CreateDirectory(outDir);
        File.SetUnixFileMode(outDir, (UnixFileMode)0b111_111_111);

        var info = new ProcessStartInfo("/usr/bin/setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = outDir,
        };
        foreach (var a in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "dotnet", StoreTestSupport.ExtractDll, "run", locked, readable, "--out", Path.Combine(outDir, "o"), "--no-store" })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["HOME"] = outDir;
        info.Environment["DOTNET_CLI_HOME"] = outDir;
        using var child = Process.Start(info)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(child.ExitCode == 1, $"exit {child.ExitCode}: {await stderr}");
        Assert.Contains("gesperrt.html: cannot read file", await stderr, StringComparison.Ordinal);
        Assert.StartsWith("1 articles, ", await stdout, StringComparison.Ordinal);
        Assert.Contains("1 failed", await stdout, StringComparison.Ordinal);
    }
}
