namespace Extraction.Facts.Actors.Rules;

/// <summary>The linking cascade: the rules in the order they are tried. A new rule is one file and one line here.</summary>
internal static class ActorRules
{
    public static IReadOnlyList<IActorRule> Default { get; } =
    [
        new JeweilsRule(),
        new SourcePhraseRule(),
        new LoanRule(),
        new FundingRoundRule(),
        new SubsidyRule(),
        new AcquisitionRule(),
        new NearestActorRule(),
        new DescriptionRule(),
        new BackReferenceRule(),
        new SameNounRule(),
        new ProtagonistRule(),
        new MostNamedCompanyRule(),
        new RecentCompanyRule(),
        new FollowingSentenceRule(),
    ];
}
