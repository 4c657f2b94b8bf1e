using Extraction.Model;
using Extraction.Store;

namespace Extraction.Tests.Store;

/// <summary>A result's facts are stored as one array, each sentence a reference into the stored article text, losslessly.</summary>
public sealed class ResultCodecTests
{
    private const string Text = "Microsoft investiert 3,2 Milliarden Euro in Rechenzentren. Das Geld fließt bis 2025. "
        + "Microsoft investiert 3,2 Milliarden Euro in Rechenzentren. Mehr folgt.";

    private static readonly Article Stored = new("a.txt", "Titel", Text, 0);

    private static Fact Single(string json) => Assert.Single(ResultCodec.ReadFacts(json, Stored));

    private static Fact FactAt(string sentence, int start) => new(
        "a.txt", FactKind.Investment, "Microsoft", new Amount(3.2e9m, 3.2e9m, "EUR", Qualifier.Exact), null, null, null,
        "3,2 Milliarden Euro", sentence, start, 0.9, new FactExplanation("rule", "actor rule", ["f1", "f2"]));

    [Fact]
    public void Write_SentenceInTheText_StoresAReferenceAndReadsBackEqual()
    {
        var sentence = "Microsoft investiert 3,2 Milliarden Euro in Rechenzentren.";
        var fact = FactAt(sentence, Text.IndexOf("3,2", StringComparison.Ordinal));

        var json = ResultCodec.WriteFacts([fact], Stored);
        var back = Single(json);

        Assert.DoesNotContain("Rechenzentren", json, StringComparison.Ordinal);
        Assert.DoesNotContain("a.txt", json, StringComparison.Ordinal);
        Assert.Equal(fact with { Explanation = null }, back with { Explanation = null });
        Assert.Equal(fact.Explanation!.Features, back.Explanation!.Features);
    }

    [Fact]
    public void Write_RepeatedSentence_ReferencesTheOccurrenceHoldingTheFact()
    {
        var sentence = "Microsoft investiert 3,2 Milliarden Euro in Rechenzentren.";
        var second = Text.LastIndexOf("3,2", StringComparison.Ordinal);
        var fact = FactAt(sentence, second);

        var json = ResultCodec.WriteFacts([fact], Stored);

        Assert.Contains($"{Text.LastIndexOf("Microsoft", StringComparison.Ordinal)}:{sentence.Length}", json, StringComparison.Ordinal);
        Assert.Equal(sentence, Single(json).Sentence);
    }

    [Theory]
    [InlineData("Ein Satz, der nicht im Text steht.")]
    [InlineData("\u0000Ein Satz mit einem NUL-Zeichen vorn.")]
    [InlineData("\u00001:5")]
    [InlineData("")]
    public void Write_SentenceNotInTheText_StoredAsItIs(string sentence)
    {
        var fact = FactAt(sentence, 3);

        Assert.Equal(sentence, Single(ResultCodec.WriteFacts([fact], Stored)).Sentence);
    }

    [Fact]
    public void WriteFacts_EveryField_ReadsBackEqualInOrder()
    {
        var hardware = new Fact("a.txt", FactKind.Hardware, null, null, new Count(10_000, 12_000, Qualifier.AtLeast), "GPU", "H100",
            "10.000 bis 12.000 H100", "Das Geld fließt bis 2025.", 70, 0.1 + 0.2);
        var other = FactAt("Mehr folgt.", Text.LastIndexOf("Mehr", StringComparison.Ordinal)) with
        {
            Article = "b.txt",
            Amount = new Amount(1.50m, 2.250m, null, Qualifier.UpTo),
            Explanation = null,
        };
        var facts = new[] { hardware, FactAt("Microsoft investiert 3,2 Milliarden Euro in Rechenzentren.", 21) with { Explanation = null }, other };

        var back = ResultCodec.ReadFacts(ResultCodec.WriteFacts(facts, Stored), Stored);

        Assert.Equal(facts, back);
        Assert.Equal(0.30000000000000004, back[0].Confidence);
        Assert.Equal("b.txt", back[2].Article);
    }

    [Fact]
    public void WriteFacts_None_IsAnEmptyArray() =>
        Assert.Empty(ResultCodec.ReadFacts(ResultCodec.WriteFacts([], Stored), Stored));

    [Fact]
    public void ReadFacts_SchemaVersion1Objects_ReadTheSentenceAndArticleTheyHold()
    {
        var fact = FactAt("Microsoft investiert 3,2 Milliarden Euro in Rechenzentren.", 21) with { Explanation = null };

        var back = Single("[" + ResultCodec.Write(fact) + "]");

        Assert.Equal(fact, back);
    }

    [Fact]
    public void ReadFacts_ReferenceOutsideTheText_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => ResultCodec.ReadFacts("[" + ResultCodec.Write(FactAt("\u00009999:5", 3)) + "]", Stored with { Text = "kurz" }));

    [Fact]
    public void WriteFacts_Explanation_ReadsBackItsRuleAndActorRule()
    {
        var fact = FactAt("Mehr folgt.", Text.LastIndexOf("Mehr", StringComparison.Ordinal)) with
        {
            Explanation = new FactExplanation("Investitionsverb im Satz", "Subjekt des Verbs", ["a", "b"]),
        };

        var back = Single(ResultCodec.WriteFacts([fact], Stored)).Explanation!;

        Assert.Equal("Investitionsverb im Satz", back.Rule);
        Assert.Equal("Subjekt des Verbs", back.ActorRule);
        Assert.Equal(["a", "b"], back.Features);
    }

    [Fact]
    public void WriteFacts_PhraseOpeningItsSentence_StillStoresAReference()
    {
        // The fact's phrase starts where its sentence starts (Start == the sentence's offset).
        var sentence = "Das Geld fließt bis 2025.";
        var fact = FactAt(sentence, Text.IndexOf(sentence, StringComparison.Ordinal));

        var json = ResultCodec.WriteFacts([fact], Stored);

        Assert.DoesNotContain("fließt", json, StringComparison.Ordinal);
        Assert.Equal(sentence, Single(json).Sentence);
    }

    [Theory]
    [InlineData("0:4", "kurz")]
    [InlineData("1:3", "urz")]
    public void ReadFacts_ReferenceEndingAtTheTextsEnd_ReadsTheText(string reference, string expected)
    {
        var json = "[" + ResultCodec.Write(FactAt("\u0000" + reference, 0)) + "]";

        Assert.Equal(expected, Assert.Single(ResultCodec.ReadFacts(json, Stored with { Text = "kurz" })).Sentence);
    }

    [Theory]
    [InlineData("1:4")]
    [InlineData("9999:5")]
    [InlineData("12")]
    public void ReadFacts_BrokenReference_ThrowsFormatExceptionNamingIt(string reference)
    {
        var json = "[" + ResultCodec.Write(FactAt("\u0000" + reference, 0)) + "]";

        var error = Assert.Throws<FormatException>(() => ResultCodec.ReadFacts(json, Stored with { Text = "kurz" }));

        Assert.Contains($"'{reference}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadArticle_WrittenArticle_ReadsBackEqual()
    {
        var article = new Article("a.txt", "Titel \"zitiert\"", Text, 4, "https://example.test/a", "2025-01-02", null);

        Assert.Equal(article, ResultCodec.ReadArticle(ResultCodec.Write(article)));
    }

    [Fact]
    public void ReadArticle_ArticlesJsonlLineWithEncoding_ReadsTheArticle()
    {
        var article = new Article("a.txt", "Titel", Text, 2, null, "2025-01-02", "Autorin");

        var line = Extraction.Output.JsonFormats.Line(w => Extraction.Output.JsonFormats.WriteArticle(w, article, "windows-1252"));

        Assert.Equal(article, ResultCodec.ReadArticle(line));
    }

    [Fact]
    public void ReadArticle_StoredBeforeArticlesWereLines_ReadsThePropertyShape()
    {
        var article = new Article("a.txt", "Titel", Text, 3, "https://example.test/a", null, "Autorin");

        var old = System.Text.Json.JsonSerializer.Serialize(article);

        Assert.Contains("\"Id\":", old, StringComparison.Ordinal);
        Assert.Equal(article, ResultCodec.ReadArticle(old));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"Titel\"")]
    public void ReadArticle_NotAnObject_ThrowsFormatExceptionSayingSo(string json)
    {
        var error = Assert.Throws<FormatException>(() => ResultCodec.ReadArticle(json));

        Assert.Equal("stored article is not a JSON object", error.Message);
    }

    [Fact]
    public void ReadArticle_LineWithoutId_ThrowsFormatExceptionSayingSo()
    {
        var error = Assert.Throws<FormatException>(() => ResultCodec.ReadArticle("""{"article":null,"title":"T","text":"x","removed":0}"""));

        Assert.Equal("stored article has no id", error.Message);
    }

    [Fact]
    public void ReadArticle_LineWithNullTitleAndText_ReadsThemEmpty()
    {
        var article = ResultCodec.ReadArticle("""{"article":"a.txt","title":null,"text":null,"removed":0}""");

        Assert.Equal(new Article("a.txt", "", "", 0), article);
    }

    [Fact]
    public void ReadArticle_OptionalFieldNotAString_ReadAsAbsent()
    {
        var article = ResultCodec.ReadArticle("""{"article":"a.txt","title":"T","text":"x","removed":0,"url":null,"published":2025,"author":{"name":"A"}}""");

        Assert.Equal(new Article("a.txt", "T", "x", 0), article);
    }

    [Theory]
    [InlineData("null", "stored facts are null")]
    [InlineData("[null]", "a stored fact is null")]
    public void ReadFacts_NullWhereFactsBelong_ThrowsFormatExceptionSayingSo(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => ResultCodec.ReadFacts(json, Stored));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ReadFacts_ReferenceThatIsTheMarkerAlone_ThrowsFormatException()
    {
        var json = "[" + ResultCodec.Write(FactAt("\u0000", 0)) + "]";

        Assert.Throws<FormatException>(() => ResultCodec.ReadFacts(json, Stored));
    }
}
