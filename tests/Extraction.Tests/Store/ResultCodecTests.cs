using Extraction.Model;
using Extraction.Store;

namespace Extraction.Tests.Store;

/// <summary>Stored facts keep their sentence as a reference into the stored article text, losslessly.</summary>
public sealed class ResultCodecTests
{
    private const string Text = "Microsoft investiert 3,2 Milliarden Euro in Rechenzentren. Das Geld fließt bis 2025. "
        + "Microsoft investiert 3,2 Milliarden Euro in Rechenzentren. Mehr folgt.";

    private static Fact FactAt(string sentence, int start) => new(
        "a.txt", FactKind.Investment, "Microsoft", new Amount(3.2e9m, 3.2e9m, "EUR", Qualifier.Exact), null, null, null,
        "3,2 Milliarden Euro", sentence, start, 0.9, new FactExplanation("rule", "actor rule", ["f1", "f2"]));

    [Fact]
    public void Write_SentenceInTheText_StoresAReferenceAndReadsBackEqual()
    {
        var sentence = "Microsoft investiert 3,2 Milliarden Euro in Rechenzentren.";
        var fact = FactAt(sentence, Text.IndexOf("3,2", StringComparison.Ordinal));

        var json = ResultCodec.Write(fact, Text);
        var back = ResultCodec.ReadFact(json, Text);

        Assert.DoesNotContain("Rechenzentren", json, StringComparison.Ordinal);
        Assert.Equal(fact with { Explanation = null }, back with { Explanation = null });
        Assert.Equal(fact.Explanation!.Features, back.Explanation!.Features);
    }

    [Fact]
    public void Write_RepeatedSentence_ReferencesTheOccurrenceHoldingTheFact()
    {
        var sentence = "Microsoft investiert 3,2 Milliarden Euro in Rechenzentren.";
        var second = Text.LastIndexOf("3,2", StringComparison.Ordinal);
        var fact = FactAt(sentence, second);

        var json = ResultCodec.Write(fact, Text);

        Assert.Contains($"{Text.LastIndexOf("Microsoft", StringComparison.Ordinal)}:{sentence.Length}", json, StringComparison.Ordinal);
        Assert.Equal(sentence, ResultCodec.ReadFact(json, Text).Sentence);
    }

    [Theory]
    [InlineData("Ein Satz, der nicht im Text steht.")]
    [InlineData("\u0000Ein Satz mit einem NUL-Zeichen vorn.")]
    [InlineData("\u00001:5")]
    [InlineData("")]
    public void Write_SentenceNotInTheText_StoredAsItIs(string sentence)
    {
        var fact = FactAt(sentence, 3);

        Assert.Equal(sentence, ResultCodec.ReadFact(ResultCodec.Write(fact, Text), Text).Sentence);
    }

    [Fact]
    public void ReadFact_StoredBeforeReferences_ReadsTheSentenceItHolds()
    {
        var fact = FactAt("Microsoft investiert 3,2 Milliarden Euro in Rechenzentren.", 21);

        Assert.Equal(fact.Sentence, ResultCodec.ReadFact(ResultCodec.Write(fact), Text).Sentence);
    }

    [Fact]
    public void ReadFact_ReferenceOutsideTheText_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => ResultCodec.ReadFact(ResultCodec.Write(FactAt("\u00009999:5", 3)), "kurz"));
}
