namespace Extraction.Facts.Actors.Rules;

/// <summary>
/// The last resort: news often states the cost first and the one who pays next ("Der Umbau kostet 40
/// Millionen Euro. Die Stadtwerke haben die Firma X beauftragt."). When the figure's sentence and the one
/// before name nobody, the actor that opens the next sentence (within its first three words) is taken.
/// </summary>
internal sealed class FollowingSentenceRule : IActorRule
{
    public List<ActorLink>? Link(ActorRuleInput input)
    {
        if (input.Groups.Count > 0 || input.Index + 1 >= input.Sentences.Count
            || (input.Index > 0 && input.Mentions.GroupsOf(input.Sentences, input.Index - 1, input.Context).Count > 0))
        {
            return null;
        }

        var next = input.Mentions.GroupsOf(input.Sentences, input.Index + 1, input.Context);
        return next.Count > 0 && next[0][0].FirstToken <= 2
            ? [new ActorLink(ActorMentions.Name(next[0]), new ActorRule(ActorRuleId.FollowingSentence))]
            : null;
    }
}
