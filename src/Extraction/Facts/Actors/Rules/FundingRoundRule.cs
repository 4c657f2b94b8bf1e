namespace Extraction.Facts.Actors.Rules;

/// <summary>Funding rounds: the company that raises the money is named first ("X sammelt ... ein", "X kam in einer Runde mit Investoren wie ...").</summary>
internal sealed class FundingRoundRule : IActorRule
{
    public List<ActorLink>? Link(ActorRuleInput input) =>
        input.Groups.Count > 1 && input.Sentence.HasCue(input.Cues.Lexicon, input.Cues.Round)
            ? [new ActorLink(ActorMentions.Name(input.Groups[0]), new ActorRule(ActorRuleId.FundingRound))]
            : null;
}
