using Extraction.Facts;
using Extraction.Ml;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Tests.Facts.Decision;

/// <summary>The fact model's features beyond the rules' verdict, and how a trained scorer's threshold combines with the rules.</summary>
public sealed class DecisionFeaturesTests
{
    private static readonly ActorGazetteer Actors = ActorGazetteer.Load(ModelFiles.Embedded);
    private static readonly CueLexicon Cues = CueLexicon.Load(ModelFiles.Embedded);

    private static CandidateFact Candidate(string text) =>
        Assert.Single(new FactExtractor(Actors, Cues).ExtractCandidates(new Article("t.txt", "", text, 0)));

    [Theory]
    [InlineData("Gesamtumsatz", "negative", "umsatz")]
    [InlineData("Gesamtumsatzes", "negative", "umsatz")]
    [InlineData("Landeszuschüsse", "positive", "zuschüsse")]
    [InlineData("Umsatz", "negative", null)]
    [InlineData("Umsatzplus", "negative", null)]
    [InlineData("gesamtumsatz", "negative", null)]
    [InlineData("Gesamtumsatz", "no-such-set", null)]
    [InlineData("Gasumsatz", "negative", "umsatz")] // three letters before the cue: still a compound
    [InlineData("Bauzuschüsse", "positive", "zuschüsse")]
    [InlineData("Zuschüsse", "positive", null)]
    public void CompoundHead_CueEndingACapitalisedCompound(string word, string set, string? head) =>
        Assert.Equal(head, Cues.CompoundHead(word, set));

    [Fact]
    public void Features_CompoundHeadFarFromTheFigure_AndTheClauseEndingVerb()
    {
        var c = Candidate("Der Gesamtumsatz aller Werften an der Küste der Ostsee lag im vergangenen Jahr bei etwa 9 Milliarden Euro, teilte der Verband mit.");
        var d = Candidate("Der Verein hat vom Land bisher jährlich rund 7 Millionen Euro erhalten, sagte die Sprecherin.");

        Assert.Contains("head=umsatz", c.Features);
        Assert.Contains("head-neg=far", c.Features);
        Assert.Contains("clause-end=erhalten", d.Features);
    }

    // The distance of the nearest investment word (pos) and "No" word (neg) in tokens, bucketed: near up to 3, mid up to 8, far beyond.
    [Theory]
    [InlineData("Die Stadt investiert dieses Jahr 40 Millionen Euro in neue Schulen.", "pos=near", "neg=none", null)]
    [InlineData("Die Stadt investiert nach langem Streit im Rat nun doch 40 Millionen Euro in neue Schulen.", "pos=mid", "neg=none", null)]
    [InlineData("Die Stadt investiert nach langem Streit im Rat der Stadt nun doch 40 Millionen Euro in neue Schulen.", "pos=far", "neg=none", null)]
    [InlineData("Die Stadt hat dieses Jahr 40 Millionen Euro für neue Schulen.", "pos=none", "neg=none", null)]
    [InlineData("Der Umsatz lag bei 40 Millionen Euro.", "pos=none", "neg=near", null)]
    [InlineData("Der Umsatz der Werft im Norden lag zuletzt bei 40 Millionen Euro.", "pos=none", "neg=mid", null)]
    [InlineData("Der Umsatz der Werft im Norden des Landes lag im Jahr zuvor bei 40 Millionen Euro.", "pos=none", "neg=far", null)]
    [InlineData("Die Stadt investiert dieses Jahr 40 Millionen Euro in neue Schulen, obwohl ihr Umsatz sinkt.", "pos=near", "neg=mid", "pos<neg")]
    [InlineData("Der Umsatz lag bei 40 Millionen Euro, sagte der Chef der Firma, die in Kiel investiert.", "pos=far", "neg=near", "neg<=pos")]
    public void Features_NearestCues_BucketedByDistance(string text, string pos, string neg, string? order)
    {
        var features = Candidate(text).Features;

        Assert.Contains(pos, features);
        Assert.Contains(neg, features);
        Assert.Equal(order, features.SingleOrDefault(f => f is "pos<neg" or "neg<=pos"));
    }

    [Fact]
    public void Features_ThreeWordsBeforeTheFigure_ByTheirPlace()
    {
        var features = Candidate("Die Stadt investiert dieses Jahr 40 Millionen Euro in neue Schulen.").Features;

        Assert.Contains("w-1=jahr", features);
        Assert.Contains("w-2=dieses", features);
        Assert.Contains("w-3=investiert", features);
    }

    [Fact]
    public void Features_QuestionShortLineSecondFigure_AreMarked()
    {
        var question = new FactExtractor(Actors, Cues).ExtractCandidates(new Article("t.txt", "", "Investiert die Stadt wirklich 40 Millionen Euro?", 0));
        var pair = new FactExtractor(Actors, Cues).ExtractCandidates(new Article("t.txt", "", "Die Firma hatte liquide Mittel von 30 Millionen Euro, nach 90 Millionen Euro im Frühjahr.", 0));

        Assert.Contains(question, c => c.Features.Contains("question") && c.Features.Contains("line=short"));
        Assert.All(pair, c => Assert.Contains("figures=2+", c.Features));
        Assert.Contains(pair, c => c.Features.Contains("pos=weak") && c.Features.Contains("strong=none"));
    }

    /// <summary>A scorer that says the same probability for every candidate, with a threshold of its own.</summary>
    private sealed class FixedScorer(double p, double threshold) : IFactScorer
    {
        public (double Probability, IReadOnlyList<string> Top) Score(IReadOnlyList<string> features) => (p, []);

        public double Threshold => threshold;
    }

    [Theory]
    // p, the scorer's threshold: a figure the rules accept stays from the threshold; one they reject needs 0.5.
    [InlineData(0.7, 0.8, false, true)]
    [InlineData(0.7, 0.6, true, true)]
    [InlineData(0.4, 0.3, true, false)]
    [InlineData(0.2, 0.1, true, false)]
    public void Extract_ScorerThreshold_AppliesToWhatTheRulesAccept(double p, double threshold, bool acceptedKept, bool rejectedTaken)
    {
        var accepted = new Article("t.txt", "", "Die Stadtwerke investieren 40 Millionen Euro in ein neues Netz.", 0);
        var rejected = new Article("t.txt", "", "Die Stadtwerke nannten 40 Millionen Euro.", 0);
        var price = new Article("t.txt", "", "Die Stadtwerke investieren 40 Euro pro Kunde.", 0);
        var extractor = new FactExtractor(Actors, Cues, new FixedScorer(p, threshold));

        Assert.Single(new FactExtractor(Actors, Cues).Extract(accepted));
        Assert.Empty(new FactExtractor(Actors, Cues).Extract(rejected));
        Assert.Equal(acceptedKept, extractor.Extract(accepted).Count == 1);
        Assert.Equal(rejectedTaken, extractor.Extract(rejected).Count == 1);
        Assert.Empty(new FactExtractor(Actors, Cues, new FixedScorer(0.99, threshold)).Extract(price));
    }

    [Fact]
    public void FactModel_Threshold_TravelsInTheFile()
    {
        var examples = Enumerable.Range(0, 40).Select(i => new Example(["bias", i % 2 == 0 ? "cue=investiert" : "cue=umsatz"], i % 2 == 0)).ToList();
        using var model = FactModel.Train(examples, FactTrainerKind.Lbfgs).WithThreshold(0.65);

        using var back = FactModel.FromBytes(model.ToBytes("x"));

        Assert.Equal(0.65, back.Threshold);
        Assert.Equal(FactModel.DefaultThreshold, FactModel.Train(examples, FactTrainerKind.Lbfgs).Threshold);
        Assert.NotEqual(model.Version, model.WithThreshold(0.5).Version);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.WithThreshold(1.5));
    }
}
