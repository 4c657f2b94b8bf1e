using Extraction.Facts.Analysis;
using Extraction.Text;

namespace Extraction.Facts.Actors.Rules;

/// <summary>
/// A definite description refers back to what an earlier sentence introduced: after "Die Agentur
/// beschließt einen Stufenplan", "Der Stufenplan sieht 40 Millionen Euro vor" is the agency's plan.
/// When the figure's sentence names nobody, each noun it introduces with a definite article ("der
/// Stufenplan", "das neue Kraftwerk") is looked up in up to twelve sentences before; the nearest
/// sentence that holds one of them with an actor at most six tokens from it gives that actor. General nouns ("das Jahr", "die Millionen": the cue set "generic") do not count.
/// </summary>
internal sealed class SameNounRule : IActorRule
{
    private const int Reach = 12;

    // How near the noun an earlier sentence's actor must stand to own it: a name far from it plays another part ("erinnert an X").
    private const int Window = 6;

    public List<ActorLink>? Link(ActorRuleInput input)
    {
        if (input.Groups.Count > 0 || input.Index == 0)
        {
            return null;
        }

        var nouns = DefiniteNouns(input.Sentence, input.First, input.Last, input.Cues);
        if (nouns is null)
        {
            return null;
        }

        for (var b = 1; b <= Reach && input.Index - b >= 0; b++)
        {
            var prev = input.Sentences[input.Index - b];
            if (prev.Actors.Count == 0)
            {
                continue;
            }

            List<List<ActorMention>>? groups = null; // built only for a sentence that holds the noun
            for (var k = 0; k < prev.Tokens.Count; k++)
            {
                var t = prev.Tokens[k];
                if (t.Kind == TokenKind.Word && t.Text.Length >= 4 && char.IsUpper(t.Text[0]) && nouns.Contains(Stem(t.Text)))
                {
                    groups ??= input.Mentions.GroupsOf(input.Sentences, input.Index - b, input.Context);
                    if (Nearest(groups, k) is { } owner)
                    {
                        return [new ActorLink(ActorMentions.Name(owner), new ActorRule(ActorRuleId.SameNoun, b))];
                    }
                }
            }
        }

        return null;
    }

    // The group nearest token k within six tokens, before it on a tie ("der Agentur ein Stufenplan", "plant die Stadt ein Bad"); null when none is that near.
    private static List<ActorMention>? Nearest(List<List<ActorMention>> groups, int k)
    {
        List<ActorMention>? best = null;
        var bestDistance = Window + 1;
        foreach (var g in groups)
        {
            var distance = g[^1].LastToken < k ? k - g[^1].LastToken : g[0].FirstToken - k;
            if (distance < bestDistance)
            {
                best = g;
                bestDistance = distance;
            }
        }

        return best;
    }

    // The stems of the nouns the sentence introduces with a definite article or demonstrative at most three words before, outside the figure; null when none.
    private static HashSet<string>? DefiniteNouns(SentenceInfo s, int first, int last, CueSets cues)
    {
        HashSet<string>? nouns = null;
        var tokens = s.Tokens;
        for (var k = 1; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if ((k >= first && k <= last) || t.Kind != TokenKind.Word || t.Text.Length < 4 || !char.IsUpper(t.Text[0])
                || s.CueAt(cues.Lexicon, k, cues.Generic) != 0)
            {
                continue;
            }

            for (var j = k - 1; j >= Math.Max(0, k - 3); j--)
            {
                var w = tokens[j];
                if (w.Kind != TokenKind.Word)
                {
                    break;
                }

                if (IsDefinite(w.Text))
                {
                    (nouns ??= new HashSet<string>(StringComparer.Ordinal)).Add(Stem(t.Text));
                    break;
                }
            }
        }

        return nouns;
    }

    private static bool IsDefinite(string word) => word.ToLowerInvariant() is "der" or "die" or "das" or "dem" or "den" or "des"
        or "dieser" or "diese" or "dieses" or "diesem" or "diesen";

    // Case and the common inflection endings aside: "Stufenplans" and "Stufenplan", "Kraftwerke" and "Kraftwerk".
    private static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        return w.Length > 6 && (w.EndsWith("es", StringComparison.Ordinal) || w.EndsWith("en", StringComparison.Ordinal)) ? w[..^2]
            : w.Length > 5 && (w.EndsWith('s') || w.EndsWith('e') || w.EndsWith('n')) ? w[..^1] : w;
    }
}
