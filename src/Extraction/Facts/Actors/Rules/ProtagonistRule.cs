namespace Extraction.Facts.Actors.Rules;

/// <summary>The article's protagonist: the name that makes up at least 40% of its actor mentions (three or more).</summary>
internal sealed class ProtagonistRule : IActorRule
{
    public List<ActorLink>? Link(ActorRuleInput input) =>
        input.Context.Protagonist is { } p ? [new ActorLink(p, new ActorRule(ActorRuleId.Protagonist))] : null;
}
