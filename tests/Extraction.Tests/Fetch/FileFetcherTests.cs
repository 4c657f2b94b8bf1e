using System.Diagnostics;
using System.Text;
using Extraction.Fetch;
using Extraction.Tests.Pipeline;
using Extraction.Tests.Store;

namespace Extraction.Tests.Fetch;

/// <summary>A file is read whole up to the size limit, its format taken from its extension; what cannot be read says why.</summary>
public sealed class FileFetcherTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private InputItem Item(string name, string content)
    {
        var path = _dir[name];
        File.WriteAllText(path, content);
        return new InputItem(name, path, InputKind.File);
    }

    [Theory]
    [InlineData("a.html", DocumentFormat.Html)]
    [InlineData("a.HTM", DocumentFormat.Html)]
    [InlineData("a.htm", DocumentFormat.Html)]
    [InlineData("a.txt", DocumentFormat.Text)]
    [InlineData("a.md", DocumentFormat.Text)]
    public async Task FetchAsync_File_FormatFromItsExtension(string name, DocumentFormat format)
    {
        var item = Item(name, "<p>Die Gemeinde baut eine Schule für 12 Millionen Euro.</p>");

        var outcome = await new FileFetcher().FetchAsync(item, CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Equal(format, outcome.Document!.Format);
        Assert.Equal("<p>Die Gemeinde baut eine Schule für 12 Millionen Euro.</p>", Encoding.UTF8.GetString(outcome.Document.Content));
    }

    [Fact]
    public async Task FetchAsync_FileOfExactlyTheLimit_ReadWhole()
    {
        var text = new string('x', 999) + "\n";
        var item = Item("a.txt", text);

        var outcome = await new FileFetcher(maxBytes: 1000).FetchAsync(item, CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Equal(1000, outcome.Document!.Content.Length);
    }

    [Fact]
    public async Task FetchAsync_FileOneByteOverTheLimit_RefusedNamingBoth()
    {
        var item = Item("a.txt", new string('x', 1001));

        var outcome = await new FileFetcher(maxBytes: 1000).FetchAsync(item, CancellationToken.None);

        Assert.Null(outcome.Document);
        Assert.Equal(new InputFailure("a.txt", "file too large (1001 bytes, limit 1000)") { Kind = FailureKind.Fetch }, outcome.Failure);
    }

    [Fact]
    public async Task FetchAsync_FileGoneSinceItWasListed_NoSuchFile()
    {
        var item = new InputItem("weg.txt", _dir["weg.txt"], InputKind.File);

        var outcome = await new FileFetcher().FetchAsync(item, CancellationToken.None);

        Assert.Equal(new InputFailure("weg.txt", "no such file") { Kind = FailureKind.Fetch }, outcome.Failure);
    }

    [Fact]
    public async Task FetchAsync_FolderGivenAsAFile_CannotBeReadWithTheReason()
    {
        var folder = _dir["ordner"];
        Directory.CreateDirectory(folder);

        var outcome = await new FileFetcher().FetchAsync(new InputItem("ordner", folder, InputKind.File), CancellationToken.None);

        Assert.Null(outcome.Document);
        Assert.StartsWith("cannot read file: ", outcome.Failure!.Reason, StringComparison.Ordinal);
        Assert.Contains(folder, outcome.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_NameTooLongForTheFileSystem_CannotBeReadWithTheReason()
    {
        // An IOException other than "not found" (here the name is longer than a file system allows) is a failure, not a throw.
        var path = Path.Combine(_dir.Path, new string('n', 300) + ".txt");

        var outcome = await new FileFetcher().FetchAsync(new InputItem("lang.txt", path, InputKind.File), CancellationToken.None);

        Assert.Null(outcome.Document);
        Assert.StartsWith("cannot read file: ", outcome.Failure!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_CancelledBeforeItStarts_Throws()
    {
        var item = Item("a.txt", "Der Kreis saniert zwei Brücken für 4 Millionen Euro.");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new FileFetcher().FetchAsync(item, cancelled.Token));
    }

    // /proc/version has a size of 0 on disk and about a hundred bytes of text: a file whose size says
    // otherwise than its content, read in chunks up to the limit.
    private const string NoSizeFile = "/proc/version";

    [SkippableFact]
    public async Task FetchAsync_FileReportingNoSize_ReadWholeInChunks()
    {
        Skip.IfNot(File.Exists(NoSizeFile), "needs /proc/version (Linux): a file whose size on disk is 0");
        var content = File.ReadAllBytes(NoSizeFile);
        var item = new InputItem("version", NoSizeFile, InputKind.File);

        var outcome = await new FileFetcher().FetchAsync(item, CancellationToken.None);
        var exactly = await new FileFetcher(maxBytes: content.Length).FetchAsync(item, CancellationToken.None);

        Assert.Equal(0, new FileInfo(NoSizeFile).Length);
        Assert.Null(outcome.Failure);
        Assert.Equal(content, outcome.Document!.Content);
        Assert.Null(exactly.Failure);
        Assert.Equal(content, exactly.Document!.Content);
    }

    [SkippableFact]
    public async Task FetchAsync_FileReportingNoSizeButLongerThanTheLimit_Refused()
    {
        Skip.IfNot(File.Exists(NoSizeFile), "needs /proc/version (Linux): a file whose size on disk is 0");
        var limit = File.ReadAllBytes(NoSizeFile).Length - 1;
        var item = new InputItem("version", NoSizeFile, InputKind.File);

        var outcome = await new FileFetcher(maxBytes: limit).FetchAsync(item, CancellationToken.None);

        Assert.Null(outcome.Document);
        Assert.Equal(new InputFailure("version", $"file too large (more than {limit} bytes read, limit {limit})") { Kind = FailureKind.Fetch }, outcome.Failure);
    }

    [NamedPipeFact]
    public async Task FetchAsync_NamedPipeWithoutWriter_RefusedWithoutWaiting()
    {
        var path = _dir["rohr.html"];
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!)
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // The read is synchronous: on its own task, so that a fetch waiting for a writer fails the test after the
        // guard (well inside a mutation run's timeout) instead of hanging it; a writer then lets the waiting read go.
        var fetch = Task.Run(() => new FileFetcher().FetchAsync(new InputItem("rohr.html", path, InputKind.File), CancellationToken.None));
        var waited = false;
        try
        {
            await fetch.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            waited = true;
            using var writer = new FileStream(path, FileMode.Open, FileAccess.Write);
        }

        Assert.False(waited, "the fetch waited for a writer on the named pipe");
        Assert.Equal(
            new InputFailure("rohr.html", "not a regular file (a named pipe or socket), which would wait for a writer") { Kind = FailureKind.Fetch },
            (await fetch).Failure);
    }
}
