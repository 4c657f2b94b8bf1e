using Extraction.Facts.Actors.Rules;
using Extraction.Model;

namespace Extraction.Facts;

/// <summary>The last step of fact extraction: the facts of one article made consistent with each other.</summary>
internal static class Consolidation
{
    /// <summary>
    /// One figure, one owner within an article: a mention whose actor was only guessed (back-reference,
    /// protagonist, none; a headline) takes the actor that a mention of the same figure names in its own sentence.
    /// </summary>
    public static List<CandidateFact> Apply(List<CandidateFact> results, List<bool> strong, List<bool> overridable)
    {
        static string Key(Fact f) => f.Kind == FactKind.Investment
            ? $"I|{f.Amount!.Min}|{f.Amount.Max}|{f.Amount.Currency}"
            : $"H|{f.Count!.Min}|{f.Unit}";

        // The actor of each figure that strong links name, unless they name more than one.
        Dictionary<string, (string Actor, bool Several)>? owners = null;
        for (var i = 0; i < results.Count; i++)
        {
            var fact = results[i].Fact;
            if (!strong[i] || !results[i].Accepted || fact.Actor is null)
            {
                continue;
            }

            owners ??= new Dictionary<string, (string Actor, bool Several)>(StringComparer.Ordinal);
            var key = Key(fact);
            if (!owners.TryGetValue(key, out var owner))
            {
                owners[key] = (fact.Actor, false);
            }
            else if (!owner.Several && owner.Actor != fact.Actor)
            {
                owners[key] = (owner.Actor, true);
            }
        }

        if (owners is null)
        {
            return results;
        }

        for (var i = 0; i < results.Count; i++)
        {
            var fact = results[i].Fact;
            if (!strong[i] && overridable[i] && owners.TryGetValue(Key(fact), out var owner) && !owner.Several && owner.Actor != fact.Actor)
            {
                var explanation = fact.Explanation is null ? null : fact.Explanation with { ActorRule = new ActorRule(ActorRuleId.SameFigure).Text };
                results[i] = results[i] with { Fact = fact with { Actor = owner.Actor, Explanation = explanation } };
            }
        }

        return results;
    }
}
