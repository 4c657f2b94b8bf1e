using System.Text;
using Extraction.Fetch;
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
    public async Task FetchAsync_CancelledBeforeItStarts_Throws()
    {
        var item = Item("a.txt", "Der Kreis saniert zwei Brücken für 4 Millionen Euro.");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new FileFetcher().FetchAsync(item, cancelled.Token));
    }
}
