using Extraction.Facts.Analysis;
using Extraction.Text;

namespace Extraction.Facts.Actors;

/// <summary>
/// The actors of a sentence as the linking rules see them: the candidate sources' mentions that are no
/// places ("in Brandenburg"), "die Regierung" as the article's country, coordinated names as one group.
/// </summary>
internal sealed class ActorMentions(ActorGazetteer gazetteer, CueSets cues)
{
    /// <summary>Actors a sentence names: gazetteer hits not used as places ("in Brandenburg"), plus "die Regierung" as the article's country.</summary>
    public List<ActorMention> Of(SentenceInfo s, ArticleContext context)
    {
        if (context.Mentions.TryGetValue(s, out var known))
        {
            return known;
        }

        var list = new List<ActorMention>();
        foreach (var a in s.Actors)
        {
            var prev = a.FirstToken > 0 ? s.Tokens[a.FirstToken - 1].Text : "";
            if (prev is "in" or "im" or "nach" or "bei" or "Standort" or "Region" && a.Type is "country" or "region")
            {
                continue;
            }

            list.Add(a);
        }

        var bits = cues.Government | cues.Federal | cues.State;
        for (var k = 0; k < s.Tokens.Count; k++)
        {
            var cue = s.CueAt(cues.Lexicon, k, bits);
            if (cue == 0 || IsInActor(s.Actors, k))
            {
                continue;
            }

            // "die Landesregierung", "Landeszuschüsse": the state (Land) the article names most; else as "die Regierung".
            if ((cue & cues.State) != 0 && context.Region is { } region)
            {
                list.Add(new ActorMention(k, k, s.Tokens[k].Start, s.Tokens[k].End, region, gazetteer.GroupOf(region), "region"));
                continue;
            }

            // "der Bund", "mit Bundesmitteln", "vom Bundesministerium": a federal government, Germany's unless the article is
            // about Switzerland or Austria; a German article that names no country at all means Germany's.
            string? country = (cue & cues.Federal) != 0 || s.Tokens[k].Is("Bund")
                ? context.Country is "Schweiz" or "Österreich" ? context.Country : "Deutschland"
                : context.Country;
            if (country is not null)
            {
                list.Add(new ActorMention(k, k, s.Tokens[k].Start, s.Tokens[k].End, country, gazetteer.GroupOf(country), "country"));
            }
        }

        list.Sort((x, y) => x.FirstToken.CompareTo(y.FirstToken));
        context.Mentions[s] = list;
        return list;
    }

    public static bool IsInActor(List<ActorMention> mentions, int k)
    {
        foreach (var a in mentions)
        {
            if (a.FirstToken <= k && k <= a.LastToken)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The actors of a figure's own sentence that may own it: not inside the figure, and not its hardware vendor right before it.</summary>
    public List<ActorMention> Owners(SentenceInfo s, ArticleContext context, int first, int last, string? vendor)
    {
        var all = Of(s, context);
        var owners = new List<ActorMention>(all.Count);
        foreach (var a in all)
        {
            if (!(a.FirstToken >= first && a.LastToken <= last)
                && (vendor is null || a.Canonical != vendor || a.FirstToken < first - 3 || a.FirstToken > last))
            {
                owners.Add(a);
            }
        }

        return owners;
    }

    // "stammen", "kommen", "fließen" from token k on (at most count tokens): the money comes from a source.
    public static bool HasSourceVerb(List<Token> tokens, int k, int count = int.MaxValue)
    {
        var end = (int)Math.Min(tokens.Count, (long)k + count);
        for (; k < end; k++)
        {
            var t = tokens[k].Text;
            if (t.StartsWith("stamm", StringComparison.OrdinalIgnoreCase) || t.StartsWith("komm", StringComparison.OrdinalIgnoreCase)
                || t.StartsWith("fließ", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The groups of actors in the figure's sentence that may own it (coordinated names together), in sentence order.</summary>
    public List<List<ActorMention>> OwnerGroups(SentenceInfo s, int first, int last, string? vendor, ArticleContext context) =>
        Coordinate(s.Tokens, Owners(s, context, first, last, vendor));

    /// <summary>The name of a group: one canonical name, or "A, B und C".</summary>
    public static string Name(List<ActorMention> group)
    {
        var single = true;
        foreach (var a in group)
        {
            single &= a.Canonical == group[0].Canonical;
        }

        if (single)
        {
            return group[0].Canonical;
        }

        var names = group.Select(a => a.Canonical).Distinct().ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " und " + names[^1];
    }

    // Adjacent actors joined by ",", "und", "sowie", "als auch" form one list.
    public static List<List<ActorMention>> Coordinate(List<Token> tokens, List<ActorMention> mentions)
    {
        var groups = new List<List<ActorMention>>(mentions.Count);
        foreach (var m in mentions)
        {
            if (groups.Count > 0)
            {
                var prev = groups[^1][^1];
                var from = prev.LastToken + 1;
                var count = Math.Min(m.FirstToken - from, tokens.Count - from);
                if (count is > 0 and <= 2 && AreJoiners(tokens, from, count))
                {
                    groups[^1].Add(m);
                    continue;
                }
            }

            groups.Add([m]);
        }

        return groups;
    }

    private static bool AreJoiners(List<Token> tokens, int from, int count)
    {
        for (var k = from; k < from + count; k++)
        {
            if (tokens[k].Text is not ("," or "und" or "sowie" or "als" or "auch" or "&" or "wie"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The coordinated groups of sentence <paramref name="index"/>, computed once per article.</summary>
    public List<List<ActorMention>> GroupsOf(List<SentenceInfo> sentences, int index, ArticleContext context)
    {
        if (!context.Groups.TryGetValue(index, out var groups))
        {
            groups = Coordinate(sentences[index].Tokens, Of(sentences[index], context));
            context.Groups[index] = groups;
        }

        return groups;
    }

    /// <summary>True when the sentence says "jeweils" (each).</summary>
    public static bool HasJeweils(SentenceInfo s)
    {
        foreach (var t in s.Tokens)
        {
            if (t.Is("jeweils"))
            {
                return true;
            }
        }

        return false;
    }
}
