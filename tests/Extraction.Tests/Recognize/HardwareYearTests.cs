using Extraction.Recognize;

namespace Extraction.Tests.Recognize;

/// <summary>A four-digit year before a unit noun is a date, not a count of hardware; other figures there are counts.</summary>
public sealed class HardwareYearTests
{
    private static readonly HardwareRecognizer Hardware = new();

    [Theory]
    [InlineData("Jahr")]
    [InlineData("Jahres")]
    [InlineData("Jahre")]
    [InlineData("seit")]
    [InlineData("Seit")]
    [InlineData("bis")]
    [InlineData("Bis")]
    [InlineData("ab")]
    [InlineData("Ab")]
    [InlineData("Ende")]
    [InlineData("Anfang")]
    [InlineData("Mitte")]
    [InlineData("im")]
    [InlineData("Im")]
    [InlineData("Frühjahr")]
    [InlineData("Sommer")]
    [InlineData("Herbst")]
    [InlineData("Winter")]
    [InlineData("Januar")]
    [InlineData("Februar")]
    [InlineData("März")]
    [InlineData("April")]
    [InlineData("Mai")]
    [InlineData("Juni")]
    [InlineData("Juli")]
    [InlineData("August")]
    [InlineData("September")]
    [InlineData("Oktober")]
    [InlineData("November")]
    [InlineData("Dezember")]
    [InlineData("Quartal")]
    [InlineData("Geschäftsjahr")]
    [InlineData("Haushaltsjahr")]
    public void Recognize_YearAfterADateWord_NoCount(string before)
    {
        Assert.Empty(Hardware.Recognize($"Die Hochschule stellt {before} 2027 Server auf."));
        Assert.Empty(Hardware.Recognize($"Die Hochschule stellt {before} 1999 Server auf."));
    }

    [Theory]
    [InlineData("Die Hochschule stellt bis 3000 Server auf.", 3000)]
    [InlineData("Die Hochschule stellt im Jahr 20000 Server auf.", 20000)]
    [InlineData("Die Hochschule stellt 2027 Server auf.", 2027)]
    [InlineData("Die Hochschule stellt neu 2027 Server auf.", 2027)]
    public void Recognize_NoYear_Count(string text, long count)
    {
        var found = Assert.Single(Hardware.Recognize(text));
        Assert.Equal(count, found.Count.Min);
        Assert.Equal("server", found.Unit);
    }
}
