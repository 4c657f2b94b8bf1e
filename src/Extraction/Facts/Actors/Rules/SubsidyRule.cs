namespace Extraction.Facts.Actors.Rules;

/// <summary>Subsidies come from governments: the last country, EU or region before the figure, else the first in the sentence.</summary>
internal sealed class SubsidyRule : IActorRule
{
    public List<ActorLink>? Link(ActorRuleInput input)
    {
        if (!input.Sentence.HasCue(input.Cues.Lexicon, input.Cues.Subsidy))
        {
            return null;
        }

        List<ActorMention>? firstGov = null, lastGovBefore = null;
        foreach (var g in input.Groups)
        {
            if (g.TrueForAll(a => a.Type is "country" or "eu" or "region"))
            {
                firstGov ??= g;
                if (g[^1].LastToken < input.First)
                {
                    lastGovBefore = g;
                }
            }
        }

        var pick = lastGovBefore ?? firstGov;
        return pick is null ? null : [new ActorLink(ActorMentions.Name(pick), new ActorRule(ActorRuleId.Subsidy))];
    }
}
