namespace Extraction.Facts.Actors.Rules;

/// <summary>
/// The last resort before "nobody": the company the article is about (named twice or more, more than
/// twice as often as any other company). A
/// figure nobody in its sentence owns ("Die Aktionäre sollen einer Kapitalerhöhung zustimmen") is
/// usually the company the article is about.
/// </summary>
internal sealed class MostNamedCompanyRule : IActorRule
{
    public List<ActorLink>? Link(ActorRuleInput input) =>
        input.Context.DominantCompany is { } name ? [new ActorLink(name, new ActorRule(ActorRuleId.MostNamed))] : null;
}
