namespace Extraction.Facts.Actors.Rules;

/// <summary>
/// When an investment's sentence names nobody and no other rule found a party, the company named last
/// in the five sentences before (alone, and named at least twice in the article) is the one the passage is about ("Die Großbank X meldet Verluste. [...]
/// Die Aktionäre sollen einer Kapitalerhöhung von 5 Milliarden zustimmen.").
/// </summary>
internal sealed class RecentCompanyRule : IActorRule
{
    private const int Reach = 5;

    public List<ActorLink>? Link(ActorRuleInput input)
    {
        if (input.Groups.Count > 0 || input.Kind != Model.FactKind.Investment)
        {
            return null;
        }

        for (var b = 1; b <= Reach && input.Index - b >= 0; b++)
        {
            var groups = input.Mentions.GroupsOf(input.Sentences, input.Index - b, input.Context);
            for (var gi = groups.Count - 1; gi >= 0; gi--)
            {
                var g = groups[gi];
                if (g.TrueForAll(a => a.Type == "org" && a.Canonical == g[0].Canonical) && NamedAgain(input, g[0].Canonical))
                {
                    return [new ActorLink(g[0].Canonical, new ActorRule(ActorRuleId.RecentCompany, b))];
                }
            }
        }

        return null;
    }

    // Named at least twice in the article: a company the article is about, not one named in passing.
    private static bool NamedAgain(ActorRuleInput input, string name)
    {
        var count = 0;
        for (var i = 0; i < input.Sentences.Count && count < 2; i++)
        {
            foreach (var a in input.Mentions.Of(input.Sentences[i], input.Context))
            {
                count += a.Canonical == name ? 1 : 0;
            }
        }

        return count >= 2;
    }
}
