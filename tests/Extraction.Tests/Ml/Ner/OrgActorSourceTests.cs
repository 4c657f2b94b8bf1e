using Extraction.Facts;
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

    [Fact]
    public void BothModes_TagOnlySentencesWithAFigure()
    {
        Assert.Empty(Find(new OrgActorSource(Recognizer, Actors), "Laut Plan baut die Deutsche Bahn neue Gleise."));
        Assert.Empty(Find(new OrgActorSource(Recognizer), "Laut Plan baut die Deutsche Bahn neue Gleise."));
        Assert.False(new OrgActorSource(Recognizer).IsFallback);
    }
}
