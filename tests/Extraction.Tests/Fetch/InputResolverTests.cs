using Extraction.Fetch;
using Extraction.Tests.Pipeline;
using Extraction.Tests.Store;

namespace Extraction.Tests.Fetch;

/// <summary>How command-line inputs become articles: folders walked, files and URLs checked, URL lists read, each bad input reported.</summary>
public sealed class InputResolverTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string relative, string content = "Text.")
    {
        var path = Path.Combine(_dir.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Resolve_Folder_WalksEverySubfolderSkippingHiddenReadmeAndOtherTypes()
    {
        var root = Path.Combine(_dir.Path, "in");
        Write("in/a.html");
        Write("in/B.HTM");
        Write("in/sub/b.txt");
        Write("in/sub/tiefer/c.md");
        Write("in/.versteckt.html");
        Write("in/.git/d.html");
        Write("in/README.md");
        Write("in/sub/readme-Quellen.txt");
        Write("in/bericht.pdf");
        Write("in/daten.json");

        var (items, failures) = InputResolver.Resolve([root]);

        Assert.Empty(failures);
        Assert.Equal(["B.HTM", "a.html", "sub/b.txt", "sub/tiefer/c.md"], items.Select(i => i.ArticleId));
        Assert.All(items, i => Assert.Equal(InputKind.File, i.Kind));
        Assert.Equal(Path.Combine(root, "sub", "tiefer", "c.md"), items[3].Location);
    }

    [UnixFact]
    public void Resolve_FolderWithLinks_KeepsFileLinksInsideOnly()
    {
        var root = Path.Combine(_dir.Path, "in");
        var inside = Write("in/echt.txt");
        var outside = Write("draussen.txt");
        Write("in/ordner/x.txt");
        File.CreateSymbolicLink(Path.Combine(root, "verweis-innen.txt"), inside);
        File.CreateSymbolicLink(Path.Combine(root, "verweis-aussen.txt"), outside);
        Directory.CreateSymbolicLink(Path.Combine(root, "ordner-verweis"), Path.Combine(root, "ordner"));
        // A link to a link that leads outside: where the chain ends decides, not its first step.
        File.CreateSymbolicLink(Path.Combine(root, "kette.txt"), Path.Combine(root, "verweis-aussen.txt"));

        var (items, failures) = InputResolver.Resolve([root]);

        Assert.Empty(failures);
        Assert.Equal(["echt.txt", "ordner/x.txt", "verweis-innen.txt"], items.Select(i => i.ArticleId));
    }

    [Fact]
    public void Resolve_Files_ByNameAndFullPath()
    {
        var a = Write("a.txt");
        var b = Write("sub/b.md");

        var (items, failures) = InputResolver.Resolve([b, a]);

        Assert.Empty(failures);
        Assert.Equal([new InputItem("a.txt", Path.GetFullPath(a), InputKind.File), new InputItem("b.md", Path.GetFullPath(b), InputKind.File)], items);
    }

    [Fact]
    public void Resolve_BadInputs_EachReportedWithItsReason()
    {
        var pdf = Write("bericht.pdf");
        var missing = Path.Combine(_dir.Path, "fehlt.html");

        var (items, failures) = InputResolver.Resolve(["", "  ", pdf, missing, "http://", "ftp://example.test/a.html", "https://example.test/gut"]);

        Assert.Equal(
        [
            new InputFailure("", "empty input"),
            new InputFailure("  ", "empty input"),
            new InputFailure(pdf, "unsupported file type '.pdf' (expected .html, .htm, .txt or .md)"),
            new InputFailure(missing, "no such file or folder"),
            new InputFailure("http://", "not a valid URL"),
            new InputFailure("ftp://example.test/a.html", "unsupported URL scheme 'ftp' (only http and https)"),
        ], failures);
        Assert.Equal([new InputItem("https://example.test/gut", "https://example.test/gut", InputKind.Url)], items);
    }

    [Fact]
    public void Resolve_Urls_TrimmedKeptOnceInOrder()
    {
        var (items, failures) = InputResolver.Resolve(["  https://example.test/b  ", "http://example.test/a", "https://example.test/b", "HTTPS://Example.test/c"]);

        Assert.Empty(failures);
        Assert.Equal(
        [
            new InputItem("HTTPS://Example.test/c", "https://example.test/c", InputKind.Url),
            new InputItem("http://example.test/a", "http://example.test/a", InputKind.Url),
            new InputItem("https://example.test/b", "https://example.test/b", InputKind.Url),
        ], items);
    }

    [Fact]
    public void Resolve_UrlList_ReadsEachLineSkippingBlanksAndComments()
    {
        var list = Write("urls.txt", "# Wirtschaftsseiten\n\nhttps://example.test/1\n   \n  http://example.test/2  \n# https://example.test/auskommentiert\nmailto:redaktion@example.test\nkein link\n");

        var (items, failures) = InputResolver.Resolve([], list);

        Assert.Equal(["http://example.test/2", "https://example.test/1"], items.Select(i => i.ArticleId));
        Assert.All(items, i => Assert.Equal(InputKind.Url, i.Kind));
        Assert.Equal(
        [
            new InputFailure("mailto:redaktion@example.test", "unsupported URL scheme 'mailto' (only http and https)"),
            new InputFailure("kein link", "not a valid URL"),
        ], failures);
    }

    [Fact]
    public void Resolve_MissingUrlList_ReportedAndTheOtherInputsKept()
    {
        var a = Write("a.txt");
        var list = Path.Combine(_dir.Path, "fehlt.txt");

        var (items, failures) = InputResolver.Resolve([a], list);

        Assert.Equal(["a.txt"], items.Select(i => i.ArticleId));
        var failure = Assert.Single(failures);
        Assert.Equal(list, failure.Input);
        Assert.StartsWith("cannot read URL list: ", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("fehlt.txt", failure.Reason, StringComparison.Ordinal);
    }
}
