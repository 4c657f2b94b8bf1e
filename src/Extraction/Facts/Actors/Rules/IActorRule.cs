// The rule contract and its input: the input exists only for the contract.

using Extraction.Facts.Analysis;

namespace Extraction.Facts.Actors.Rules;

/// <summary>
/// One linking rule of the cascade. Rules run in the order of <see cref="ActorRules.Default"/> (the
/// one place a new rule is registered); the first that returns links decides.
/// </summary>
internal interface IActorRule
{
    /// <summary>The actor(s) of the figure, or null when the rule does not apply.</summary>
    List<ActorLink>? Link(ActorRuleInput input);
}

/// <summary>What a rule reads: the article's sentences, the figure's sentence and tokens, the owner groups of its sentence.</summary>
internal sealed record ActorRuleInput(
    List<SentenceInfo> Sentences, int Index, int First, int Last, ArticleContext Context, List<List<ActorMention>> Groups, ActorMentions Mentions, CueSets Cues)
{
    /// <summary>Money or a hardware count.</summary>
    public Model.FactKind Kind { get; init; } = Model.FactKind.Investment;

    public SentenceInfo Sentence => Sentences[Index];
}
