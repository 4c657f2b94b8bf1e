using Extraction.Pipeline;

namespace Extraction.Tests.Pipeline;

/// <summary>Word lists and tables of models/: read in file order, and a missing or corrupt file named in the error.</summary>
public sealed class ModelFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-models-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ModelFiles Folder(string name, string text)
    {
        File.WriteAllText(Path.Combine(_dir, name), text);
        return new ModelFiles(_dir);
    }

    [Fact]
    public void ReadLists_CommentsAndBlankLines_SkippedWordsTrimmedInFileOrder()
    {
        var lists = Folder("w.txt", "# Kopf\n\nfarbe: rot \r\nform:Kreis\n  # eingerückt\nfarbe:   grün\n").ReadLists("w.txt", "farbe", "form");

        Assert.Equal(["rot", "grün"], lists["farbe"]);
        Assert.Equal(["Kreis"], lists["form"]);
        Assert.Equal(2, lists.Count);
    }

    [Theory]
    [InlineData("farbe: rot\nform Kreis\n", "w.txt line 2:")]
    [InlineData("farbe: rot\n\n# x\ngeruch: süß\nform: Kreis\n", "w.txt line 4:")]
    [InlineData("farbe:\nform: Kreis\n", "w.txt line 1:")]
    [InlineData("farbe: rot\nform:   \n", "w.txt line 2:")]
    public void ReadLists_LineOfNoListOrWithoutAWord_NamesFileAndLine(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Folder("w.txt", text).ReadLists("w.txt", "farbe", "form"));

        Assert.StartsWith(expected, e.Message);
        Assert.Contains("farbe, form", e.Message);
    }

    [Fact]
    public void ReadLists_ListWithoutWords_NamesFileAndList()
    {
        var e = Assert.Throws<FormatException>(() => Folder("w.txt", "farbe: rot\n").ReadLists("w.txt", "farbe", "form"));

        Assert.Equal("w.txt: the list 'form' has no words", e.Message);
    }

    [Fact]
    public void ReadLists_FileNeitherInTheFolderNorEmbedded_NamesIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new ModelFiles(_dir).ReadLists("fehlt-de.txt", "farbe"));

        Assert.Contains("'fehlt-de.txt'", e.Message);
        Assert.Contains(_dir, e.Message);
    }

    [Fact]
    public void ReadTable_RowsWithTheirLineNumbers_FieldsTrimmed()
    {
        var rows = Folder("t.tsv", "# a\tb\n\neins\t1\n zwei \t 2\n").ReadTable("t.tsv", 2);

        Assert.Equal([3, 4], rows.Select(r => r.Line));
        Assert.Equal(["eins", "1"], rows[0].Fields);
        Assert.Equal(["zwei", "2"], rows[1].Fields);
    }

    [Theory]
    [InlineData("eins\t1\nzwei 2\n", "t.tsv line 2: not 2 tab-separated fields: 'zwei 2'")]
    [InlineData("eins\t1\t\n", "t.tsv line 1: not 2 tab-separated fields: 'eins\t1\t'")]
    [InlineData("eins\t1\n\t2\n", "t.tsv line 2: not 2 tab-separated fields: '\t2'")]
    [InlineData("eins\t \n", "t.tsv line 1: not 2 tab-separated fields: 'eins\t '")]
    [InlineData("# nur ein Kommentar\n\n", "t.tsv: no rows")]
    public void ReadTable_CorruptRowOrNoRow_NamesFileAndLine(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Folder("t.tsv", text).ReadTable("t.tsv", 2));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void ReadTable_FileNeitherInTheFolderNorEmbedded_NamesIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new ModelFiles(_dir).ReadTable("fehlt.tsv", 2));

        Assert.Contains("'fehlt.tsv'", e.Message);
    }

    [Theory]
    [InlineData("lexicon-de.txt")]
    [InlineData("org-words-de.txt")]
    [InlineData("currencies-de.tsv")]
    [InlineData("numbers-de.tsv")]
    public void EmbeddedWordFiles_ShipWithTheLibrary(string name) => Assert.True(ModelFiles.Embedded.Exists(name));
}
