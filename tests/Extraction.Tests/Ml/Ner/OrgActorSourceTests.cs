using Extraction.Facts;
using Extraction.Facts.Actors;
using Extraction.Ml.Ner;
using Extraction.Pipeline;
using Extraction.Tests.Support;
using Extraction.Text;

namespace Extraction.Tests.Ml.Ner;

public sealed class OrgActorSourceTests
{
    private static readonly OrgRecognizer Recognizer = OrgRecognizer.TryLoad(new ModelFiles(Path.Combine(Repo.Root, "models", "ml"))) ?? throw new InvalidOperationException("no shipped org model");
    private static readonly ActorGazetteer Actors = ActorGazetteer.Load(ModelFiles.Embedded);

    private static List<ActorMention> Find(OrgActorSource source, string sentence)
    {
        var found = new List<ActorMention>();
        source.Find(sentence, Tokenizer.Tokenize(sentence), found);
        return found;
    }

    [Fact]
    public void Fallback_ProposesANameOnlyWhereNoRuleFindsAParty()
    {
        var fallback = new OrgActorSource(Recognizer, Actors);

        // Neither the gazetteer nor the rules' name patterns know this one; the recogniser does.
        // (Deutsche Bahn, the example before, is in the gazetteer since issue 15's actor work.)
        var alone = Find(fallback, "Die Hamburger Hochbahn steckt 40 Millionen Euro in neue Gleise.");
        Assert.Equal("Hamburger Hochbahn", Assert.Single(alone).Canonical);

        // Siemens is in the gazetteer: the recogniser stays silent in that sentence.
        Assert.Empty(Find(fallback, "Siemens und die Hamburger Hochbahn stecken 40 Millionen Euro in neue Gleise."));
    }

    [Theory]
    [InlineData("Nach Angaben der Deutschen Bahn fließen 40 Millionen Euro in neue Gleise.")]
    [InlineData("Laut Deutscher Bahn fließen 40 Millionen Euro in neue Gleise.")]
    [InlineData("Im DB-Interview war von 40 Millionen Euro für neue Gleise die Rede.")]
    [InlineData("„Die Deutsche Bahn bekommt 40 Millionen Euro für neue Gleise“, sagte sie.")]
    [InlineData("Seit dem Start von TalkBot flossen 40 Millionen Euro in Rechenzentren.")]
    public void Recogniser_LeavesOutCitedSourcesAndPartsOfCompounds(string sentence)
    {
        Assert.NotEmpty(Recognizer.Tag(Tokenizer.Tokenize(sentence).Select(t => t.Text).ToList())); // the tagger sees a name; the source drops it
        Assert.Empty(Find(new OrgActorSource(Recognizer), sentence));
    }

    /// <summary>A tagger trained (on own sentences) to take the place of a dateline for an organisation: the source still leaves it out, and keeps the same name elsewhere.</summary>
    [Fact]
    public void Recogniser_LeavesOutTheDatelinePlace()
    {
        TaggedSentence S(string text, string tags) => new(text.Split(' '), tags.Split(' '), [.. tags.Split(' ').Select(_ => "O")]);
        List<TaggedSentence> data =
        [
            S("Graz – Die Stadt baut 40 Schulen .", "B-ORG O O O O O O O"),
            S("Die Graz investiert 40 Millionen Euro .", "O B-ORG O O O O O"),
            S("Graz – Die Halle steht .", "B-ORG O O O O O"),
        ];
        var recognizer = new OrgRecognizer(OrgTrainer.Fit(data, new HashSet<string>(), "test", epochs: 8, minCount: 1), new HashSet<string>());
        const string dateline = "Graz – Die Stadt baut 40 Schulen.";
        Assert.NotEmpty(recognizer.Tag(Tokenizer.Tokenize(dateline).Select(t => t.Text).ToList()));

        Assert.Empty(Find(new OrgActorSource(recognizer), dateline));
        Assert.Equal("Graz", Assert.Single(Find(new OrgActorSource(recognizer), "Die Graz investiert 40 Millionen Euro.")).Canonical);
    }

    [Fact]
    public void BothModes_TagOnlySentencesWithAFigure()
    {
        Assert.Empty(Find(new OrgActorSource(Recognizer, Actors), "Laut Plan baut die Deutsche Bahn neue Gleise."));
        Assert.Empty(Find(new OrgActorSource(Recognizer), "Laut Plan baut die Deutsche Bahn neue Gleise."));
        Assert.False(new OrgActorSource(Recognizer).IsFallback);
    }
    // The same source seen only through IActorCandidateSource: the analyser cannot answer for it, so it runs its own checks.
    private sealed class Opaque(IActorCandidateSource inner) : IActorCandidateSource
    {
        public void Find(string text, List<Token> tokens, List<ActorMention> found) => inner.Find(text, tokens, found);
    }

    [Fact]
    public void Fallback_AnsweredByTheAnalyser_FindsWhatItsOwnChecksFind()
    {
        // Right after the shipped sources, the analyser knows whether the gazetteer or a rule found a party and whether
        // the sentence holds a figure; the source then skips its own second run of them. The facts must not change.
        var cues = CueLexicon.Load(ModelFiles.Embedded);
        var source = new OrgActorSource(Recognizer, Actors);
        var answered = new FactExtractorBuilder(Actors, cues).AddActorSource(source).Build();
        var own = new FactExtractorBuilder(Actors, cues).AddActorSource(new Opaque(source)).Build();
        string[] ownTexts =
        [
            "Die Hamburger Hochbahn steckt 40 Millionen Euro in neue Gleise. Siemens und die Hamburger Hochbahn stecken 40 Millionen Euro in neue Gleise.",
            "Der Verkehrsverbund Rhein-Ruhr bestellt für 120 Millionen Euro neue Züge. Die Firma Kesselbau investiert 3 Millionen Euro.",
        ];
        var texts = ownTexts.Concat(Directory.EnumerateFiles(Repo.Samples, "*.txt").Select(File.ReadAllText)).ToList();
        var actors = 0;
        foreach (var text in texts)
        {
            var article = new Extraction.Model.Article("a", "", text, 0);
            var fast = answered.Extract(article).Select(f => (f.Kind, f.Actor, f.Text, f.Start, f.Confidence)).ToList();
            var slow = own.Extract(article).Select(f => (f.Kind, f.Actor, f.Text, f.Start, f.Confidence)).ToList();
            Assert.Equal(slow, fast);
            actors += fast.Count(f => f.Actor is not null);
        }

        Assert.True(actors > 50, $"{actors} facts with an actor");
    }
}
