using System.Globalization;
using Extraction.Model;
using Extraction.Text;

namespace Extraction.Facts;

/// <summary>
/// Actor candidates and their ranking: the rules' cascade (LinkActors) picks one actor; here every
/// party it could have picked becomes a candidate with features, and an actor model, when there is
/// one, ranks them. The rules' choice is a feature, so a model starts from the rules.
/// </summary>
public sealed partial class FactExtractor
{
    private const string JeweilsRule = "jeweils: one fact per actor";

    /// <summary>The actor linked to a fact, the rule behind it, the candidates it was chosen from and, with a model, why.</summary>
    private sealed record Linked(string? Actor, string Rule, IReadOnlyList<ActorCandidate> Candidates, string? Ranking, IReadOnlyList<string> Top);

    private static bool HasJeweils(SentenceInfo s) => s.Tokens.Any(t => t.Is("jeweils"));

    private static FactExplanation Explanation(string rule, Linked link, IReadOnlyList<string> top) =>
        new(rule, link.Ranking is null ? link.Rule : $"{link.Rule}; actor model: {link.Ranking}",
            link.Top.Count == 0 ? top : [.. top, .. link.Top.Select(t => "actor " + t)]);

    /// <summary>The rules' links, or with an actor model the top-scoring candidate; "jeweils" always fans out by rule.</summary>
    private List<Linked> Link(List<SentenceInfo> sentences, int si, int first, int last, string? vendor, ArticleContext context, FactKind kind, bool ranking, bool explain)
    {
        var rules = LinkActors(sentences, si, first, last, vendor, context).ToList();
        if (!ranking || rules.Count != 1 || rules[0].Rule == JeweilsRule)
        {
            return rules.Select(r => new Linked(r.Actor, r.Rule, [], null, [])).ToList();
        }

        var candidates = ActorCandidates(sentences, si, first, last, vendor, context, kind, rules[0]);
        if (_actorScorer is null)
        {
            return [new Linked(rules[0].Actor, rules[0].Rule, candidates, null, [])];
        }

        var scored = candidates.Select(c => c with { Score = Math.Round(_actorScorer.Probability(c.Features), 3) }).ToList();
        var best = Top(scored);

        var ranked = !explain ? null : string.Join(", ", scored.OrderByDescending(c => c.Score).Take(4)
            .Select(c => (c.Name ?? "none") + " " + c.Score.ToString("0.00", CultureInfo.InvariantCulture)));
        return [new Linked(scored[best].Name, scored[best].Rule, scored, ranked, explain ? _actorScorer.Score(scored[best].Features).Top : [])];
    }

    /// <summary>Index of the top-scoring candidate; on a tie the rules' choice, then the earlier (nearer) candidate; -1 for none.</summary>
    public static int Top(IReadOnlyList<ActorCandidate> scored)
    {
        var best = scored.Count > 0 ? 0 : -1;
        for (var i = 1; i < scored.Count; i++)
        {
            if (scored[i].Score > scored[best].Score || (scored[i].Score == scored[best].Score && scored[i].RulesChoice && !scored[best].RulesChoice))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Every party the fact could belong to: the groups of its sentence (nearest first), the groups of
    /// up to three sentences before, the protagonist, the most-named company (two mentions or more),
    /// and the rules' choice; one candidate per name.
    /// </summary>
    private List<ActorCandidate> ActorCandidates(
        List<SentenceInfo> sentences, int si, int first, int last, string? vendor, ArticleContext context, FactKind kind, (string? Actor, string Rule) choice)
    {
        var s = sentences[si];
        var list = new List<ActorCandidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var subsidy = s.Tokens.Any(t => _cues.Is("subsidy", t));
        var round = s.Tokens.Any(t => _cues.Is("round", t));
        var corefIndex = s.Tokens.FindIndex(t => _cues.Is("coref", t));
        var corefWord = corefIndex >= 0 ? s.Tokens[corefIndex].Text.ToLowerInvariant() : null;
        var wantsOrg = corefWord is not null && (corefWord.StartsWith("unternehmen", StringComparison.Ordinal)
            || corefWord.StartsWith("konzern", StringComparison.Ordinal) || corefWord is "firma" or "gruppe");

        void Add(string? name, string rule, List<string> f)
        {
            if (!seen.Add(name ?? ""))
            {
                return;
            }

            var chosen = name == choice.Actor;
            if (chosen)
            {
                f.Add("rules-choice");
                f.Add("chosen-by=" + RuleKey(choice.Rule));
                rule = choice.Rule;
            }

            if (name is not null)
            {
                if (name == context.Protagonist)
                {
                    f.Add("protagonist");
                }

                if (vendor is not null && name == vendor)
                {
                    f.Add("hardware-vendor");
                }
            }

            list.Add(new ActorCandidate(name, rule, chosen, f));
        }

        var mentions = Candidates(s, context)
            .Where(a => !(a.FirstToken >= first && a.LastToken <= last))
            .Where(a => vendor is null || a.Canonical != vendor || a.FirstToken < first - 3 || a.FirstToken > last)
            .ToList();
        var groups = Coordinate(s.Tokens, mentions);
        var inSentence = groups.Count > 0 ? "sentence-has-actor" : "sentence-has-no-actor";
        var near = groups
            .Select((g, gi) => (g, gi, Before: g[^1].LastToken < first, Distance: g[^1].LastToken < first ? first - g[^1].LastToken - 1 : g[0].FirstToken - last - 1))
            .OrderBy(x => x.Distance).ThenBy(x => x.gi)
            .ToList();
        int rankBefore = 0, rankAfter = 0;
        foreach (var (g, gi, isBefore, distance) in near)
        {
            var side = isBefore ? "before" : "after";
            var rank = isBefore ? ++rankBefore : ++rankAfter;
            var f = new List<string>
            {
                "bias", "where=" + side, $"{kind}&where={side}", "rank=" + side + (rank == 1 ? "1" : "2+"),
                distance <= 2 ? "dist=0-2" : distance <= 6 ? "dist=3-6" : distance <= 12 ? "dist=7-12" : "dist=13+",
            };
            f.AddRange(GroupFeatures(s, g, gi, subsidy, round));
            var from = isBefore ? g[^1].LastToken + 1 : last + 1;
            var to = isBefore ? first : g[0].FirstToken;
            f.AddRange(BetweenFeatures(s.Tokens, from, to));
            if (s.Tokens.Skip(from).Take(to - from).Any(t => _cues.Is("coref", t)))
            {
                f.Add("between=coref&type=" + GroupType(g));
            }

            if (!isBefore && s.Tokens.Skip(g[^1].LastToken + 1).Take(4).Any(t => t.Text.StartsWith("stamm", StringComparison.OrdinalIgnoreCase)
                || t.Text.StartsWith("komm", StringComparison.OrdinalIgnoreCase) || t.Text.StartsWith("fließ", StringComparison.OrdinalIgnoreCase)))
            {
                f.Add("source-verb-after");
            }

            // "10.000 Chips von Nvidia": a name right after a hardware figure is its maker, not its owner.
            if (kind == FactKind.Hardware && !isBefore && distance <= 1)
            {
                f.Add("right-after-hardware");
            }

            Add(Name(g), $"actor {side} the figure", f);
        }

        for (var b = 1; b <= 3 && si - b >= 0; b++)
        {
            var prev = sentences[si - b];
            if (!context.Groups.TryGetValue(si - b, out var prevGroups))
            {
                prevGroups = Coordinate(prev.Tokens, Candidates(prev, context));
                context.Groups[si - b] = prevGroups;
            }

            for (var gi = 0; gi < prevGroups.Count; gi++)
            {
                var g = prevGroups[gi];
                var f = new List<string> { "bias", $"where=prev{b}", $"{kind}&where=prev", gi == 0 ? "prev-first" : "prev-later", inSentence };
                f.AddRange(GroupFeatures(prev, g, gi, false, false));
                if (corefWord is not null)
                {
                    f.Add("coref&prev");
                    f.Add("coref&type=" + GroupType(g));
                    if (wantsOrg)
                    {
                        f.Add(GroupType(g) == "org" ? "coref-company&org" : "coref-company&not-org");
                    }
                }

                Add(Name(g), $"actor {b} sentence(s) before", f);
            }
        }

        if (context.Protagonist is not null)
        {
            Add(context.Protagonist, "the article's protagonist", ["bias", "where=article", inSentence]);
        }

        // The most-named company, unless it is already a candidate on its own or as a member of a group.
        if (context.MostNamed is not null && !list.Any(c => c.Name is not null && NamesIn(c.Name).Contains(context.MostNamed)))
        {
            Add(context.MostNamed, "the article's most-named company", ["bias", "where=article", inSentence]);
        }

        Add(choice.Actor, choice.Rule, ["bias", choice.Actor is null ? "where=none" : "where=other", inSentence]);
        return list;
    }

    private IEnumerable<string> GroupFeatures(SentenceInfo s, List<ActorMention> g, int index, bool subsidy, bool round)
    {
        var type = GroupType(g);
        yield return "type=" + type;
        if (g.Count >= 2)
        {
            yield return "joint";
        }

        if (g.Any(a => a.FirstToken == a.LastToken && _cues.Is("government", s.Tokens[a.FirstToken])))
        {
            yield return "government-word";
        }

        yield return "pre=" + (g[0].FirstToken == 0 ? "^" : Preceding(s.Tokens[g[0].FirstToken - 1].Text));
        if (g[0].FirstToken <= 1)
        {
            yield return "sentence-start";
        }

        // German puts the subject next to the finite verb: "Oracle will ...", "In Texas will Oracle ...".
        var next = g[^1].LastToken + 1 < s.Tokens.Count ? s.Tokens[g[^1].LastToken + 1] : default;
        var prev = g[0].FirstToken > 0 ? s.Tokens[g[0].FirstToken - 1] : default;
        if ((next.Text is not null && (IsFiniteVerb(next.Text) || _cues.Is("positive", next))) || (prev.Text is not null && IsFiniteVerb(prev.Text)))
        {
            yield return "subject";
        }

        if (subsidy)
        {
            yield return "subsidy&type=" + type;
        }

        if (round && index == 0)
        {
            yield return "round&first";
        }
    }

    // Only function words: the word before a name says how it is attached ("von X", "für X", "mit X");
    // any other word would be a lexical feature that a few dozen articles cannot teach.
    private static string Preceding(string word) => word.ToLowerInvariant() switch
    {
        "von" or "vom" or "durch" => "von",
        "für" or "an" or "mit" or "aus" or "bei" or "als" or "und" or "wie" => word.ToLowerInvariant(),
        "der" or "die" or "das" or "den" or "dem" or "des" => "article",
        "," or ":" or "(" => "punctuation",
        _ => "other",
    };

    private static bool IsFiniteVerb(string word) => word is "will" or "wollen" or "hat" or "haben" or "hatte" or "hatten" or "plant" or "planen"
        or "soll" or "sollen" or "kann" or "können" or "baut" or "bauen" or "stellt" or "stellen" or "gibt" or "geben" or "setzt" or "kündigt" or "kündigte"
        or "bringt" or "steckt" or "sammelt" or "sammelte" or "wird" or "werden" or "hatte" or "legt" or "beziffert" or "nimmt";

    private static string[] NamesIn(string name) => name.Replace(" und ", ", ", StringComparison.Ordinal).Split(", ");

    private static string GroupType(List<ActorMention> g) => g.Select(a => a.Type).Distinct().Count() == 1 ? g[0].Type : "mixed";

    /// <summary>What stands between an actor and the figure: a clause boundary, investment or other cues, "von"/"aus", a passive auxiliary.</summary>
    private List<string> BetweenFeatures(List<Token> tokens, int from, int to)
    {
        var f = new List<string>();
        bool clause = false, positive = false, negative = false, von = false, aus = false, passive = false, sub = false;
        for (var k = from; k < to; k++)
        {
            var t = tokens[k];
            clause |= t.Text is "," or ";" or ":" or "–" or "-" or "(";
            positive |= _cues.Is("positive", t);
            negative |= _cues.Is("negative", t);
            von |= t.Is("von") || t.Is("vom");
            aus |= t.Is("aus");
            passive |= t.Text is "wird" or "werden" or "wurde" or "wurden" or "worden";
            sub |= t.Text is "dass" or "weil" or "während" or "nachdem" or "obwohl" or "wobei" or "damit";
        }

        f.Add(clause ? "clause=crossed" : "clause=same");
        AddIf(positive, "between=invest");
        AddIf(negative, "between=negative");
        AddIf(von, "between=von");
        AddIf(aus, "between=aus");
        AddIf(passive, "between=passive");
        AddIf(sub, "between=subclause");
        return f;

        void AddIf(bool condition, string feature)
        {
            if (condition)
            {
                f.Add(feature);
            }
        }
    }

    /// <summary>A short, stable key for the rule that chose an actor (the numbers of back-references dropped).</summary>
    private static string RuleKey(string rule) => rule switch
    {
        "nearest actor before the figure" => "before",
        "nearest actor after the figure" => "after",
        "source phrase (von/aus ... stammen/fließen)" => "source",
        "subsidy: the government that grants it" => "subsidy",
        "funding round: the first-named company raises" => "round",
        "actor of the previous sentence" => "previous",
        "the article's protagonist" => "protagonist",
        "no actor found" => "none",
        _ when rule.StartsWith("back-reference (company)", StringComparison.Ordinal) => "coref-company",
        _ when rule.StartsWith("back-reference", StringComparison.Ordinal) => "coref",
        _ => "other",
    };
}
