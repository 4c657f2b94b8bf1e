// Linked is the linker's own result type; it lives with the linker.

using System.Globalization;
using Extraction.Facts.Actors.Rules;
using Extraction.Facts.Analysis;
using Extraction.Model;

namespace Extraction.Facts.Actors;

/// <summary>The actor linked to a fact, the rule behind it, the candidates it was chosen from and, with a model, why.</summary>
internal sealed record Linked(string? Actor, ActorRule Rule, IReadOnlyList<ActorCandidate> Candidates, string? Ranking, IReadOnlyList<string> Top);

/// <summary>
/// Links a figure to the party that invests or owns: the rules' cascade picks one actor (one per
/// member for "jeweils"); with an actor model the top-scoring candidate wins, the rules' choice on a tie.
/// </summary>
internal sealed class ActorLinker(ActorMentions mentions, ActorCandidates candidates, IReadOnlyList<IActorRule> rules, CueSets cues, IFactScorer? actorScorer)
{
    private static readonly ActorRule NoActor = new(ActorRuleId.None);

    /// <summary>The rules' links, or with an actor model the top-scoring candidate; "jeweils" always fans out by rule.</summary>
    public List<Linked> Link(List<SentenceInfo> sentences, int si, int first, int last, string? vendor, ArticleContext context, FactKind kind, bool ranking, bool explain)
    {
        // One set of owner groups for the rules and the candidates.
        var groups = mentions.OwnerGroups(sentences[si], first, last, vendor, context);
        var chosen = RulesLink(new ActorRuleInput(sentences, si, first, last, context, groups, mentions, cues) { Kind = kind });
        if (!ranking || chosen.Count != 1 || chosen[0].Rule.Id == ActorRuleId.Jeweils)
        {
            var links = new List<Linked>(chosen.Count);
            foreach (var (actor, rule) in chosen)
            {
                links.Add(new Linked(actor, rule, [], null, []));
            }

            return links;
        }

        var list = candidates.Of(sentences, si, first, last, vendor, context, kind, chosen[0], groups);
        if (actorScorer is null)
        {
            return [new Linked(chosen[0].Actor, chosen[0].Rule, list, null, [])];
        }

        var scored = list.Select(c => c with { Score = Math.Round(actorScorer.Probability(c.Features), 3) }).ToList();
        var best = Choose(scored);

        var ranked = !explain ? null : string.Join(", ", scored.OrderByDescending(c => c.Score).Take(4)
            .Select(c => (c.Name ?? "none") + " " + c.Score.ToString("0.00", CultureInfo.InvariantCulture)));
        return [new Linked(scored[best].Name, scored[best].Rule, scored, ranked, explain ? actorScorer.Score(scored[best].Features).Top : [])];
    }

    /// <summary>
    /// Index of the actor model's choice among scored candidates: the top of the eligible ones (<see cref="Eligible"/>);
    /// when that is a member of the list the rules chose ("A, B und C"), the rules' list stands, so every
    /// mention of a joint amount keeps one name.
    /// </summary>
    public static int Choose(List<ActorCandidate> scored)
    {
        var best = FactExtractor.Top(Eligible(scored));
        var rules = scored.FindIndex(c => c.RulesChoice);
        return best >= 0 && rules >= 0 && best != rules && scored[best].Name is { } name && scored[rules].Name is { } list
            && ActorCandidates.NamesIn(list).Contains(name) ? rules : best;
    }

    /// <summary>
    /// The candidates the actor model may choose from: all of them, except where the rules found nobody
    /// (an agentless passive, a figure without a party): then only a party of the figure's own sentence
    /// may take its place, never one of an earlier sentence or of the article as a whole. The others keep
    /// their place in the list with score 0, so indices stay those of the candidates.
    /// </summary>
    public static List<ActorCandidate> Eligible(List<ActorCandidate> scored)
    {
        if (!scored.Exists(c => c.RulesChoice && c.Name is null))
        {
            return scored;
        }

        return [.. scored.Select(c => c.RulesChoice || c.Rule.Id is ActorRuleId.CandidateBefore or ActorRuleId.CandidateAfter ? c : c with { Score = 0 })];
    }

    private List<ActorLink> RulesLink(ActorRuleInput input)
    {
        foreach (var rule in rules)
        {
            if (rule.Link(input) is { } links)
            {
                return links;
            }
        }

        return [new ActorLink(null, NoActor)];
    }

    /// <summary>The explanation of a fact: the decision rule (or model features) and the actor rule with the actor model's ranking.</summary>
    public static FactExplanation Explanation(string rule, Linked link, IReadOnlyList<string> top) =>
        new(rule, link.Ranking is null ? link.Rule.Text : $"{link.Rule.Text}; actor model: {link.Ranking}",
            link.Top.Count == 0 ? top : [.. top, .. link.Top.Select(t => "actor " + t)]);
}
