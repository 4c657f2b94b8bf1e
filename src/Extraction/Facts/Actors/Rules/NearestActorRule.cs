namespace Extraction.Facts.Actors.Rules;

/// <summary>The nearest group of actors before the figure in its sentence, else the first after it.</summary>
internal sealed class NearestActorRule : IActorRule
{
    public List<ActorLink>? Link(ActorRuleInput input)
    {
        List<ActorMention>? before = null, after = null;
        foreach (var g in input.Groups)
        {
            if (g[^1].LastToken < input.First)
            {
                before = g;
            }
            else if (after is null && g[0].FirstToken > input.Last)
            {
                after = g;
            }
        }

        return before is not null ? [new ActorLink(ActorMentions.Name(before), new ActorRule(ActorRuleId.NearestBefore))]
            : after is not null ? [new ActorLink(ActorMentions.Name(after), new ActorRule(ActorRuleId.NearestAfter))]
            : null;
    }
}
