using Extraction.Facts;
using Extraction.Facts.Actors;
using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Text;

namespace Extraction.Tests.Facts;

public sealed class FactExtractorBuilderTests
{
    private static readonly ActorGazetteer Actors = ActorGazetteer.Load(ModelFiles.Embedded);
    private static readonly CueLexicon Cues = CueLexicon.Load(ModelFiles.Embedded);

    // A stand-in recogniser: every token "Kesselwerk" is an organisation.
    private sealed class OneWordSource : IActorCandidateSource
    {
        public void Find(string text, List<Token> tokens, List<ActorMention> found)
        {
            for (var k = 0; k < tokens.Count; k++)
            {
                if (tokens[k].Text == "Kesselwerk")
                {
                    found.Add(new ActorMention(k, k, tokens[k].Start, tokens[k].End, "Kesselwerk", "Kesselwerk", "org"));
                }
            }
        }
    }

    [Fact]
    public void AddActorSource_ItsNamesBecomeActors()
    {
        var article = new Article("t.txt", "", "Im Norden investiert Kesselwerk 30 Millionen Euro in eine neue Halle.", 0);

        var without = Assert.Single(new FactExtractorBuilder(Actors, Cues).WithoutActorSources().Build().Extract(article));
        var with = Assert.Single(new FactExtractorBuilder(Actors, Cues).WithoutActorSources().AddActorSource(new OneWordSource()).Build().Extract(article));

        Assert.NotEqual("Kesselwerk", without.Actor);
        Assert.Equal("Kesselwerk", with.Actor);
    }

    [Fact]
    public void Build_ThresholdOutsideZeroToOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FactExtractorBuilder(Actors, Cues).WithScorer(null, 1.5).Build());
}
