namespace Extraction.Facts.Actors.Rules;

/// <summary>The source of the money named after it: "... sollen von der Firma X stammen", "aus den Emiraten fließen".</summary>
internal sealed class SourcePhraseRule : IActorRule
{
    public List<ActorLink>? Link(ActorRuleInput input)
    {
        var s = input.Sentence;
        var last = input.Last;
        foreach (var g in input.Groups)
        {
            if (g[0].FirstToken <= last)
            {
                continue;
            }

            var k = g[0].FirstToken - 1;
            var back = 0;
            while (k > last && back < 4 && !s.Tokens[k].Is("von") && !s.Tokens[k].Is("aus"))
            {
                k--;
                back++;
            }

            if (k > last && (s.Tokens[k].Is("von") || s.Tokens[k].Is("aus")) && ActorMentions.HasSourceVerb(s.Tokens, g[^1].LastToken + 1))
            {
                return [new ActorLink(ActorMentions.Name(g), new ActorRule(ActorRuleId.SourcePhrase))];
            }
        }

        return null;
    }
}
