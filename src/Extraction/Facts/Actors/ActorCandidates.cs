using Extraction.Facts.Actors.Rules;
using Extraction.Facts.Analysis;
using Extraction.Model;

namespace Extraction.Facts.Actors;

/// <summary>
/// The candidate actors of a fact and their features, for the actor model: the one feature function
/// shared by training (ExtractCandidates) and ranking. The rules' choice is a feature, so a model starts from the rules.
/// </summary>
internal sealed class ActorCandidates(ActorMentions mentions, CueSets cues)
{
    /// <summary>
    /// Every party the fact could belong to: the groups of its sentence (nearest first), the groups of
    /// up to three sentences before, the protagonist, the most-named company (two mentions or more),
    /// and the rules' choice; one candidate per name.
    /// </summary>
    public List<ActorCandidate> Of(
        List<SentenceInfo> sentences, int si, int first, int last, string? vendor, ArticleContext context, FactKind kind, ActorLink choice,
        List<List<ActorMention>> groups)
    {
        var s = sentences[si];
        var list = new List<ActorCandidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var subsidy = s.HasCue(cues.Lexicon, cues.Subsidy);
        var round = s.HasCue(cues.Lexicon, cues.Round);
        var corefIndex = s.FirstCue(cues.Lexicon, cues.Coref);
        var corefWord = corefIndex >= 0 ? s.Tokens[corefIndex].Text.ToLowerInvariant() : null;
        var wantsOrg = corefWord is not null && (corefWord.StartsWith("unternehmen", StringComparison.Ordinal)
            || corefWord.StartsWith("konzern", StringComparison.Ordinal) || corefWord is "firma" or "gruppe");

        // A name already among the candidates is passed over: its features are not built.
        bool IsNew(string? name) => !seen.Contains(name ?? "");

        void Add(string? name, ActorRule rule, List<string> f)
        {
            if (!seen.Add(name ?? ""))
            {
                return;
            }

            var chosen = name == choice.Actor;
            if (chosen)
            {
                f.Add("rules-choice");
                f.Add("chosen-by=" + choice.Rule.Key);
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

        var inSentence = groups.Count > 0 ? "sentence-has-actor" : "sentence-has-no-actor";

        // Nearest first; at equal distance in sentence order.
        var near = new (int Distance, int Index)[groups.Count];
        for (var gi = 0; gi < groups.Count; gi++)
        {
            var g = groups[gi];
            near[gi] = (g[^1].LastToken < first ? first - g[^1].LastToken - 1 : g[0].FirstToken - last - 1, gi);
        }

        Array.Sort(near);
        var kindIndex = kind == FactKind.Investment ? 0 : 1;
        int rankBefore = 0, rankAfter = 0;
        foreach (var (distance, gi) in near)
        {
            var g = groups[gi];
            var isBefore = g[^1].LastToken < first;
            var side = isBefore ? 0 : 1;
            var rank = isBefore ? ++rankBefore : ++rankAfter;
            var name = CandidateName(g);
            if (!IsNew(name))
            {
                continue;
            }

            var type = GroupType(g);
            var f = new List<string>(24)
            {
                "bias", WhereSide[side], KindWhereSide[kindIndex, side], RankSide[side, rank == 1 ? 0 : 1],
                distance <= 2 ? "dist=0-2" : distance <= 6 ? "dist=3-6" : distance <= 12 ? "dist=7-12" : "dist=13+",
            };
            GroupFeatures(f, s, g, type, gi, subsidy, round);
            var from = isBefore ? g[^1].LastToken + 1 : last + 1;
            var to = isBefore ? first : g[0].FirstToken;
            BetweenFeatures(f, s, from, to);
            if (HasCueIn(s, from, to, cues.Coref))
            {
                f.Add(TypeFeature(TypeFeatures.BetweenCoref, type));
            }

            if (!isBefore && ActorMentions.HasSourceVerb(s.Tokens, g[^1].LastToken + 1, 4))
            {
                f.Add("source-verb-after");
            }

            // "10.000 Chips von Nvidia": a name right after a hardware figure is its maker, not its owner.
            if (kind == FactKind.Hardware && !isBefore && distance <= 1)
            {
                f.Add("right-after-hardware");
            }

            Add(name, new ActorRule(side == 0 ? ActorRuleId.CandidateBefore : ActorRuleId.CandidateAfter), f);
        }

        for (var b = 1; b <= 3 && si - b >= 0; b++)
        {
            var prev = sentences[si - b];
            var prevGroups = mentions.GroupsOf(sentences, si - b, context);

            for (var gi = 0; gi < prevGroups.Count; gi++)
            {
                var g = prevGroups[gi];
                var name = CandidateName(g);
                if (!IsNew(name))
                {
                    continue;
                }

                var type = GroupType(g);
                var f = new List<string>(16) { "bias", WherePrevious[b - 1], KindWherePrevious[kindIndex], gi == 0 ? "prev-first" : "prev-later", inSentence };
                GroupFeatures(f, prev, g, type, gi, false, false);
                if (corefWord is not null)
                {
                    f.Add("coref&prev");
                    f.Add(TypeFeature(TypeFeatures.Coref, type));
                    if (wantsOrg)
                    {
                        f.Add(type == "org" ? "coref-company&org" : "coref-company&not-org");
                    }
                }

                Add(name, new ActorRule(ActorRuleId.CandidatePrevious, b), f);
            }
        }

        if (context.Protagonist is not null)
        {
            Add(context.Protagonist, new ActorRule(ActorRuleId.Protagonist), ["bias", "where=article", inSentence]);
        }

        // The most-named company, unless it is already a candidate on its own or as a member of a group.
        if (context.MostNamed is not null && !list.Any(c => c.Name is not null && NamesIn(c.Name).Contains(context.MostNamed)))
        {
            Add(context.MostNamed, new ActorRule(ActorRuleId.MostNamed), ["bias", "where=article", inSentence]);
        }

        Add(choice.Actor, choice.Rule, ["bias", choice.Actor is null ? "where=none" : "where=other", inSentence]);
        return list;
    }

    // A list of parties is never a candidate as a whole: the guide takes the first-named party of a
    // joint amount (the others are alternatives), so the list stands for its first member ("joint" says it was one).
    private static string CandidateName(List<ActorMention> g) => g[0].Canonical;

    private bool HasCueIn(SentenceInfo s, int from, int to, int bits)
    {
        if (!s.HasCue(cues.Lexicon, bits))
        {
            return false;
        }

        var mask = s.Cues(cues.Lexicon);
        for (var k = Math.Max(from, 0); k < Math.Min(to, mask.Length); k++)
        {
            if ((mask[k] & bits) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private void GroupFeatures(List<string> f, SentenceInfo s, List<ActorMention> g, string type, int index, bool subsidy, bool round)
    {
        f.Add(TypeFeature(TypeFeatures.Type, type));
        if (g.Count >= 2)
        {
            f.Add("joint");
        }

        var mask = s.Cues(cues.Lexicon);
        if (g.Exists(a => a.FirstToken == a.LastToken && (mask[a.FirstToken] & cues.Government) != 0))
        {
            f.Add("government-word");
        }

        f.Add("pre=" + (g[0].FirstToken == 0 ? "^" : Preceding(s.Tokens[g[0].FirstToken - 1].Text)));
        if (g[0].FirstToken <= 1)
        {
            f.Add("sentence-start");
        }

        // German puts the subject next to the finite verb: "Oracle will ...", "In Texas will Oracle ...".
        var nextIndex = g[^1].LastToken + 1;
        var next = nextIndex < s.Tokens.Count ? s.Tokens[nextIndex] : default;
        var prev = g[0].FirstToken > 0 ? s.Tokens[g[0].FirstToken - 1] : default;
        if ((next.Text is not null && (IsFiniteVerb(next.Text) || (mask[nextIndex] & cues.Positive) != 0)) || (prev.Text is not null && IsFiniteVerb(prev.Text)))
        {
            f.Add("subject");
        }

        if (subsidy)
        {
            f.Add(TypeFeature(TypeFeatures.Subsidy, type));
        }

        if (round && index == 0)
        {
            f.Add("round&first");
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

    internal static string[] NamesIn(string name) => name.Replace(" und ", ", ", StringComparison.Ordinal).Split(", ");

    private static string GroupType(List<ActorMention> g)
    {
        foreach (var a in g)
        {
            if (a.Type != g[0].Type)
            {
                return "mixed";
            }
        }

        return g[0].Type;
    }

    // The features' constant strings, built once: [side] before/after, [kind] investment/hardware.
    private static readonly string[] WhereSide = ["where=before", "where=after"];
    private static readonly string[,] KindWhereSide = { { "Investment&where=before", "Investment&where=after" }, { "Hardware&where=before", "Hardware&where=after" } };
    private static readonly string[,] RankSide = { { "rank=before1", "rank=before2+" }, { "rank=after1", "rank=after2+" } };
    private static readonly string[] WherePrevious = ["where=prev1", "where=prev2", "where=prev3"];
    private static readonly string[] KindWherePrevious = ["Investment&where=prev", "Hardware&where=prev"];

    private enum TypeFeatures
    {
        Type,
        Subsidy,
        Coref,
        BetweenCoref,
    }

    private static readonly string[] TypePrefixes = ["type=", "subsidy&type=", "coref&type=", "between=coref&type="];

    // Per prefix, the feature of each actor type the shipped gazetteer has and of "mixed"; other types are concatenated.
    private static readonly Dictionary<string, string>[] TypeFeatureStrings = [.. TypePrefixes.Select(prefix =>
        new[] { "org", "country", "region", "eu", "fund", "programme", "mixed" }.ToDictionary(t => t, t => prefix + t, StringComparer.Ordinal))];

    private static string TypeFeature(TypeFeatures prefix, string type) =>
        TypeFeatureStrings[(int)prefix].TryGetValue(type, out var feature) ? feature : TypePrefixes[(int)prefix] + type;

    /// <summary>What stands between an actor and the figure: a clause boundary, investment or other cues, "von"/"aus", a passive auxiliary.</summary>
    private void BetweenFeatures(List<string> f, SentenceInfo s, int from, int to)
    {
        var tokens = s.Tokens;
        var mask = s.Cues(cues.Lexicon);
        bool clause = false, positive = false, negative = false, von = false, aus = false, passive = false, sub = false;
        for (var k = from; k < to; k++)
        {
            var t = tokens[k];
            clause |= t.Text is "," or ";" or ":" or "–" or "-" or "(";
            positive |= (mask[k] & cues.Positive) != 0;
            negative |= (mask[k] & cues.Negative) != 0;
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

        void AddIf(bool condition, string feature)
        {
            if (condition)
            {
                f.Add(feature);
            }
        }
    }
}
