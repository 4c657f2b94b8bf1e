using Extraction.Diff;

namespace Extraction.Tests.Diff;

public sealed class SentenceMatchTests
{
    [Theory]
    [InlineData("Die Stadt gibt 3 Millionen Euro aus.", "Die Stadt gibt 3 Millionen Euro aus.", 0)]
    [InlineData("Die Stadt gibt 3 Millionen Euro aus.", "Die Stadt gibt 3 Milliarden Euro aus.", 1)]
    [InlineData("Die Stadt gibt 3 Millionen Euro aus.", "Die Stadt gibt 3,5 Milliarden Euro aus.", 2)]
    [InlineData("Die Stadt gibt 3 Millionen Euro aus.", "Die Stadt gibt 3 Millionen Euro aus", 1)]
    [InlineData("Die Stadt gibt 3 Millionen Euro aus.", "Der Kreis plant 12 Stellen für die neue Schule.", null)]
    [InlineData("Drei Millionen.", "Vier Milliarden Dollar bis 2030.", null)]
    public void Distance_Cases(string a, string b, int? expected) =>
        Assert.Equal(expected, SentenceMatch.Distance(a, b));

    [Fact]
    public void Distance_LongSentence_AllowsAFifthOfItsWords()
    {
        var words = Enumerable.Range(0, 30).Select(i => "wort" + i).ToArray();
        var six = (string[])words.Clone();
        var seven = (string[])words.Clone();
        for (var i = 0; i < 7; i++)
        {
            seven[i * 4] = "neu" + i;
            if (i < 6)
            {
                six[i * 4] = "neu" + i;
            }
        }

        Assert.Equal(6, SentenceMatch.Distance(string.Join(' ', words), string.Join(' ', six)));
        Assert.Null(SentenceMatch.Distance(string.Join(' ', words), string.Join(' ', seven)));
    }
}
