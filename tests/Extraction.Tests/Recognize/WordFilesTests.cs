using Extraction.Pipeline;
using Extraction.Recognize;

namespace Extraction.Tests.Recognize;

/// <summary>The recognisers' tables of models/ (currencies, number words): read by kind and value, a corrupt row named.</summary>
public sealed class WordFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-words-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ModelFiles Folder(string name, string text)
    {
        File.WriteAllText(Path.Combine(_dir, name), text);
        return new ModelFiles(_dir);
    }

    [Fact]
    public void CurrencyWords_Load_EachKindWithItsComparerAndTheLastRowOfAWord()
    {
        var tables = CurrencyWords.Load(Folder("currencies-de.tsv",
            "name\tTaler\tXTA\nname\ttaler\tXTB\ndollar-prefix\tNZ\tNZD\ndollar-adjective\tfidschianische\tFJD\n"));

        Assert.Equal("XTB", tables["name"]["TALER"]);
        Assert.Single(tables["name"]);
        Assert.Equal("NZD", tables["dollar-prefix"]["NZ"]);
        Assert.False(tables["dollar-prefix"].ContainsKey("nz"));
        Assert.Equal("FJD", tables["dollar-adjective"]["Fidschianische"]);
    }

    [Fact]
    public void CurrencyWords_Load_UnknownKind_NamesFileAndLine()
    {
        var e = Assert.Throws<FormatException>(() => CurrencyWords.Load(Folder("currencies-de.tsv", "name\tTaler\tXTA\n\nmünze\tGroschen\tXGR\n")));

        Assert.Equal("currencies-de.tsv line 3: unknown kind 'münze' (one of name, dollar-prefix, dollar-adjective)", e.Message);
    }

    [Fact]
    public void CurrencyWords_Load_ShippedFile_HasEveryKind()
    {
        var tables = CurrencyWords.Load(ModelFiles.Embedded);

        Assert.Equal("CHF", tables["name"]["franken"]);
        Assert.Equal("HKD", tables["dollar-prefix"]["HK"]);
        Assert.Equal("CAD", tables["dollar-adjective"]["Kanadische"]);
    }

    [Fact]
    public void GermanNumbers_ReadWords_ClassedByValue()
    {
        var words = GermanNumbers.ReadWords(Folder("numbers-de.tsv", "neun\t9\nzehn\t10\nNeunzehn\t19\nzwanzig\t20\nneunzig\t90\neins\t1\n"));

        Assert.Equal(new Dictionary<string, int> { ["neun"] = 9, ["eins"] = 1 }, words[0]);
        Assert.Equal(new Dictionary<string, int> { ["zehn"] = 10, ["Neunzehn"] = 19 }, words[1]);
        Assert.Equal(new Dictionary<string, int> { ["zwanzig"] = 20, ["neunzig"] = 90 }, words[2]);
        Assert.Equal(19, words[1]["NEUNZEHN"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("100")]
    [InlineData("21")]
    [InlineData("-5")]
    [InlineData("fünf")]
    [InlineData("2.5")]
    public void GermanNumbers_ReadWords_ValueOfNoWordBelowAHundred_NamesFileAndLine(string value)
    {
        var e = Assert.Throws<FormatException>(() => GermanNumbers.ReadWords(Folder("numbers-de.tsv", $"# Zahlen\neins\t1\nwort\t{value}\n")));

        Assert.Equal($"numbers-de.tsv line 3: '{value}' is no value of a number word below a hundred (1-19 or a ten, 20-90)", e.Message);
    }
}
