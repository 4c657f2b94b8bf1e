using Extraction.Facts;
using Extraction.Facts.Actors;
using Extraction.Facts.Actors.Rules;
using Extraction.Ml;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Tests.Facts;

/// <summary>Candidate actors with features, and their ranking by an actor model trained on tiny synthetic examples.</summary>
public sealed class ActorRankingTests
{
    private static readonly ActorGazetteer Actors = ActorGazetteer.Load(ModelFiles.Embedded);
    private static readonly CueLexicon Cues = CueLexicon.Load(ModelFiles.Embedded);
    private static readonly FactModel Shipped = FactModelFile.TryLoad(new ModelFiles(Path.Combine(Extraction.Tests.Support.Repo.Root, "models", "ml"))) ?? throw new InvalidOperationException("no shipped model");

    // "<Owner> will für <Client> ... investieren": the nearest name before the figure is the client, the owner is the subject.
    private static readonly (string Owner, string Client, string Text)[] Training =
    [
        ("Oracle", "OpenAI", "In Texas will Oracle für OpenAI rund 4 Milliarden Dollar in ein Rechenzentrum investieren."),
        ("Microsoft", "Anthropic", "In Irland will Microsoft für Anthropic rund 2 Milliarden Dollar in neue Rechenzentren investieren."),
        ("Google", "Mistral AI", "In Belgien will Google für Mistral AI etwa 3 Milliarden Euro in Rechenzentren investieren."),
        ("Amazon", "Cohere", "In Kanada will Amazon für Cohere rund 1 Milliarde Dollar in Rechenzentren investieren."),
    ];

    private static List<Example> SyntheticActorExamples()
    {
        var rules = new FactExtractor(Actors, Cues);
        var examples = new List<Example>();
        foreach (var (owner, _, text) in Training)
        {
            var fact = Assert.Single(rules.ExtractCandidates(new Article("t.txt", "", text, 0), actorCandidates: true));
            examples.AddRange(fact.Actors.Select(a => new Example(a.Features, a.Name == owner)));
        }

        return examples;
    }

    private static FactModel WithSyntheticActorModel() => Shipped.WithActors(FactModel.Train(SyntheticActorExamples(), FactTrainerKind.Lbfgs));

    [Fact]
    public void ExtractCandidates_ActorCandidates_CarryRuleAndFeatures()
    {
        var text = "Microsoft will 3 Milliarden Euro in Rechenzentren investieren, sagte ein Sprecher von Nvidia.";

        var fact = Assert.Single(new FactExtractor(Actors, Cues).ExtractCandidates(new Article("t.txt", "", text, 0), actorCandidates: true));

        var microsoft = Assert.Single(fact.Actors, a => a.Name == "Microsoft");
        Assert.True(microsoft.RulesChoice);
        Assert.Equal(ActorRuleId.NearestBefore, microsoft.Rule.Id);
        Assert.Contains("rules-choice", microsoft.Features);
        Assert.Contains("where=before", microsoft.Features);
        Assert.Contains("sentence-start", microsoft.Features);
        Assert.Contains("subject", microsoft.Features);
        Assert.Contains("type=org", microsoft.Features);
        var nvidia = Assert.Single(fact.Actors, a => a.Name == "Nvidia");
        Assert.False(nvidia.RulesChoice);
        Assert.Equal(ActorRuleId.CandidateAfter, nvidia.Rule.Id);
        Assert.Contains("where=after", nvidia.Features);
        Assert.Contains("pre=von", nvidia.Features);
        Assert.Contains("clause=crossed", nvidia.Features);
        Assert.Contains("between=invest", nvidia.Features);
        Assert.DoesNotContain("subject", nvidia.Features);
    }

    [Fact]
    public void ExtractCandidates_BackReference_OffersEarlierSentencesAndMarksTheCoreference()
    {
        var text = "Equinix baut in Frankfurt. Die Deutsche Telekom betreibt nebenan ein Rechenzentrum. Das Unternehmen hat 400 Millionen Euro investiert.";

        var fact = Assert.Single(new FactExtractor(Actors, Cues).ExtractCandidates(new Article("t.txt", "", text, 0), actorCandidates: true));

        Assert.Equal(["Deutsche Telekom", "Equinix"], fact.Actors.Select(a => a.Name!).Order(StringComparer.Ordinal));
        Assert.Contains("where=prev1", fact.Actors.Single(a => a.Name == "Deutsche Telekom").Features);
        Assert.Contains("where=prev2", fact.Actors.Single(a => a.Name == "Equinix").Features);
        Assert.All(fact.Actors, a => Assert.Contains("coref-company&org", a.Features));
    }

    [Fact]
    public void Extract_RulesPickTheNearestName_ActorModelPicksTheOwner()
    {
        var article = new Article("t.txt", "", "In Hessen will Equinix für Nscale rund 2 Milliarden Euro in einen Campus investieren.", 0);

        var rulesOnly = Assert.Single(new FactExtractor(Actors, Cues).Extract(article));
        var ranked = Assert.Single(new FactExtractor(Actors, Cues, WithSyntheticActorModel()).Extract(article, explain: true));

        Assert.Equal("Nscale", rulesOnly.Actor);
        Assert.Equal("Equinix", ranked.Actor);
        Assert.Contains("actor model: Equinix", ranked.Explanation!.ActorRule, StringComparison.Ordinal);
        Assert.Contains(ranked.Explanation.Features, f => f.StartsWith("actor ", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_FactModelWithoutActorModel_KeepsTheRulesChoice()
    {
        var article = new Article("t.txt", "", "In Hessen will Equinix für Nscale rund 2 Milliarden Euro in einen Campus investieren.", 0);

        var fact = Assert.Single(new FactExtractor(Actors, Cues, WithSyntheticActorModel().WithActors(null)).Extract(article));

        Assert.Equal("Nscale", fact.Actor);
    }

    [Fact]
    public void Extract_JeweilsWithActorModel_StillOneFactPerActor()
    {
        var article = new Article("t.txt", "", "In Bayern wollen Infineon und Bosch für Siemens jeweils 150 Millionen Euro investieren.", 0);

        var facts = new FactExtractor(Actors, Cues, WithSyntheticActorModel()).Extract(article);

        Assert.Equal(["Bosch", "Infineon"], facts.Select(f => f.Actor!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Extract_JointInvestorsWithActorModel_TheListIsNoCandidate_TheRulesListStands()
    {
        var article = new Article("t.txt", "", "Siemens und SAP investieren gemeinsam 800 Millionen Euro in ein Rechenzentrum.", 0);

        var candidate = Assert.Single(new FactExtractor(Actors, Cues).ExtractCandidates(article, actorCandidates: true));
        var fact = Assert.Single(new FactExtractor(Actors, Cues, WithSyntheticActorModel()).Extract(article));

        // The group is offered as its first-named party (the guide's actor of a joint amount); the rules' list is their choice.
        Assert.Contains(candidate.Actors, a => a.Name == "Siemens" && a.Features.Contains("joint") && !a.RulesChoice);
        Assert.Contains(candidate.Actors, a => a.Name == "Siemens und SAP" && a.RulesChoice);
        Assert.Equal("Siemens und SAP", fact.Actor);
    }

    // The actor model's features of a candidate: the word before its name, and what stands between it and the figure.
    [Theory]
    [InlineData("Siemens investiert 500 Millionen Euro in Berlin.", "Siemens",
        "pre=^ clause=same between=invest subject", "between=negative between=passive between=subclause between=von between=aus")]
    [InlineData("Nach Angaben von Siemens wurde, weil der Umsatz stieg, aus Dresden 500 Millionen Euro investiert.", "Siemens",
        "pre=von clause=crossed between=negative between=passive between=subclause between=aus", "between=invest between=von")]
    [InlineData("Die Anlage wird für 500 Millionen Euro vom Konzern Siemens gebaut.", "Siemens",
        "between=von clause=same", "between=passive between=aus between=invest")]
    [InlineData("Das Werk in Dresden, das für Siemens gebaut wird, kostet 500 Millionen Euro.", "Siemens",
        "pre=für clause=crossed between=passive", "between=von between=subclause")]
    [InlineData("Der Auftrag ging an die Siemens, die 500 Millionen Euro erhielt.", "Siemens",
        "pre=article", "pre=other pre=punctuation")]
    public void ExtractCandidates_ActorFeatures_WordBeforeAndWhatStandsBetween(string text, string name, string present, string absent)
    {
        var fact = new FactExtractor(Actors, Cues).ExtractCandidates(new Article("t.txt", "", text, 0), actorCandidates: true).First();
        var features = Assert.Single(fact.Actors, a => a.Name == name).Features;

        Assert.All(present.Split(' '), f => Assert.Contains(f, features));
        Assert.All(absent.Split(' '), f => Assert.DoesNotContain(f, features));
    }

    private static ActorCandidate Candidate(string? name, ActorRuleId rule, bool rulesChoice, double score) =>
        new(name, new ActorRule(rule), rulesChoice, [], score);

    [Fact]
    public void Choose_RulesFoundNobody_AFartherPartyCannotTakeItsPlace()
    {
        List<ActorCandidate> scored =
        [
            Candidate("Amazon", ActorRuleId.CandidatePrevious, false, 0.9),
            Candidate("Meta", ActorRuleId.Protagonist, false, 0.8),
            Candidate(null, ActorRuleId.None, true, 0.3),
        ];

        Assert.Equal(2, ActorLinker.Choose(scored));
    }

    [Fact]
    public void Choose_RulesFoundNobody_APartyOfTheSentenceMayWin()
    {
        List<ActorCandidate> scored =
        [
            Candidate("Amazon", ActorRuleId.CandidatePrevious, false, 0.9),
            Candidate("Bosch", ActorRuleId.CandidateAfter, false, 0.6),
            Candidate(null, ActorRuleId.None, true, 0.3),
        ];

        Assert.Equal(1, ActorLinker.Choose(scored));
    }

    [Fact]
    public void Choose_TopIsAMemberOfTheRulesList_TheListStands()
    {
        List<ActorCandidate> scored =
        [
            Candidate("Bosch", ActorRuleId.CandidateBefore, false, 0.9),
            Candidate("Bosch, Siemens und SAP", ActorRuleId.NearestBefore, true, 0.7),
            Candidate("Infineon", ActorRuleId.CandidatePrevious, false, 0.2),
        ];

        Assert.Equal(1, ActorLinker.Choose(scored));
    }

    [Fact]
    public void Choose_RulesChoseSomeone_TheTopCandidateWins()
    {
        List<ActorCandidate> scored =
        [
            Candidate("Infineon", ActorRuleId.CandidatePrevious, false, 0.9),
            Candidate("Bosch", ActorRuleId.NearestBefore, true, 0.7),
        ];

        Assert.Equal(0, ActorLinker.Choose(scored));
    }

    [Fact]
    public void TrainActorModel_SameExamples_ByteIdenticalFileThatRoundTrips()
    {
        var first = WithSyntheticActorModel();
        var second = WithSyntheticActorModel();

        using var back = FactModel.FromBytes(first.ToBytes("x"));

        Assert.Equal(first.ToBytes("x"), second.ToBytes("x"));
        Assert.Equal(first.Version, back.Version);
        Assert.NotNull(back.Actors);
        Assert.Equal(first.Actors!.Version, back.Actors.Version);
        var features = SyntheticActorExamples()[0].Features;
        Assert.Equal(first.Actors.Probability(features), back.Actors.Probability(features), 6);
    }

    [Fact]
    public void WithActors_ChangesTheVersion_WithoutActorsReadsBackWithoutActors()
    {
        var ranked = WithSyntheticActorModel();
        var plain = ranked.WithActors(null);

        Assert.NotEqual(ranked.Version, plain.Version);
        Assert.Null(FactModel.FromBytes(plain.ToBytes()).Actors);
    }
}
