namespace Extraction.Facts.Actors.Rules;

/// <summary>"jeweils": one fact per member of the list before the figure (or, when the sentence names nobody, in the sentence before).</summary>
internal sealed class JeweilsRule : IActorRule
{
    public List<ActorLink>? Link(ActorRuleInput input)
    {
        if (!ActorMentions.HasJeweils(input.Sentence))
        {
            return null;
        }

        var groups = input.Groups;
        List<ActorMention>? list = null;
        for (var gi = groups.Count - 1; gi >= 0 && list is null; gi--)
        {
            if (groups[gi].Count >= 2 && groups[gi][^1].LastToken < input.First)
            {
                list = groups[gi];
            }
        }

        if (list is null && groups.Count == 0 && input.Index > 0)
        {
            var before = input.Sentences[input.Index - 1];
            var previous = ActorMentions.Coordinate(before.Tokens, input.Mentions.Of(before, input.Context));
            for (var gi = previous.Count - 1; gi >= 0 && list is null; gi--)
            {
                if (previous[gi].Count >= 2)
                {
                    list = previous[gi];
                }
            }
        }

        if (list is null)
        {
            return null;
        }

        var each = new List<ActorLink>(list.Count);
        foreach (var a in list)
        {
            if (!each.Exists(x => x.Actor == a.Canonical))
            {
                each.Add(new ActorLink(a.Canonical, new ActorRule(ActorRuleId.Jeweils)));
            }
        }

        return each;
    }
}
