using Extraction.Text;

namespace Extraction.Facts.Actors.Rules;

/// <summary>
/// Acquisitions: the buyer pays (annotation.md). With a buying verb ("übernimmt", "kauft", "erwirbt")
/// the buyer is its subject: the first actor of the verb's clause before it, else the actor right
/// after it ("Für 2 Milliarden übernimmt X den Rivalen Y"); in the passive the one after "von"/"durch"
/// ("wurde von X übernommen"). With a selling verb ("verkauft", "veräußert") the buyer follows "an"
/// ("verkauft die Sparte für 300 Millionen an X"); sold "an ein Unternehmen", the buyer is unnamed and
/// the fact has no actor (the seller does not pay). Otherwise the rules after this one decide.
/// </summary>
internal sealed class AcquisitionRule : IActorRule
{
    public List<ActorLink>? Link(ActorRuleInput input)
    {
        var s = input.Sentence;
        if (!s.HasCue(input.Cues.Lexicon, input.Cues.Acquire | input.Cues.Sell))
        {
            return null;
        }

        var tokens = s.Tokens;
        for (var v = 0; v < tokens.Count; v++)
        {
            var t = tokens[v];
            if (t.Kind != TokenKind.Word || !char.IsLower(t.Text[0]))
            {
                continue;
            }

            var cue = s.CueAt(input.Cues.Lexicon, v, input.Cues.Acquire | input.Cues.Sell);
            var buyer = (cue & input.Cues.Acquire) != 0 ? Buyer(input, v) : (cue & input.Cues.Sell) != 0 ? After(input, 0, "an") : null;
            if (buyer is not null)
            {
                return [new ActorLink(ActorMentions.Name(buyer), new ActorRule(ActorRuleId.Acquisition))];
            }

            // "an ein Grazer Unternehmen verkauft": the buyer is left unnamed, and the seller is not the actor.
            if ((cue & input.Cues.Sell) != 0 && UnnamedBuyer(tokens))
            {
                return [new ActorLink(null, new ActorRule(ActorRuleId.Acquisition))];
            }
        }

        return null;
    }

    private static List<ActorMention>? Buyer(ActorRuleInput input, int v)
    {
        var tokens = input.Sentence.Tokens;
        var word = tokens[v].Text;
        if (word.StartsWith("ge", StringComparison.Ordinal) || word.EndsWith("en", StringComparison.Ordinal))
        {
            // A participle or infinitive: "wurde von X übernommen", "soll durch X erworben werden"; else the subject before the auxiliary.
            if ((After(input, 0, "von") ?? After(input, 0, "vom") ?? After(input, 0, "durch")) is { } agent)
            {
                return agent;
            }
        }

        // The subject opens the clause: "X übernimmt Y", "X hat Y gekauft", "..., dass X Y übernimmt".
        List<ActorMention>? before = null;
        foreach (var g in input.Groups)
        {
            if (g[^1].LastToken < v && !Crosses(tokens, g[^1].LastToken + 1, v))
            {
                before = g;
                break;
            }
        }

        // Inverted order: "Für 2 Milliarden übernimmt die Firma X ...": the first actor at most three tokens after the verb.
        return before ?? input.Groups.Find(g => g[0].FirstToken > v && g[0].FirstToken <= v + 3 && !Crosses(tokens, v + 1, g[0].FirstToken));
    }

    // The first group that starts at most three tokens after the word `marker` (from token `from` on): "an den Konzern X", "von X".
    private static List<ActorMention>? After(ActorRuleInput input, int from, string marker)
    {
        var tokens = input.Sentence.Tokens;
        foreach (var g in input.Groups)
        {
            for (var k = Math.Max(from, g[0].FirstToken - 3); k < g[0].FirstToken; k++)
            {
                if (tokens[k].Text == marker && k >= from && !Crosses(tokens, k + 1, g[0].FirstToken))
                {
                    return g;
                }
            }
        }

        return null;
    }

    // "an ein Unternehmen", "an einen Investor": a sale to a buyer the text does not name.
    private static bool UnnamedBuyer(List<Token> tokens)
    {
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            if (tokens[k].Text == "an" && tokens[k + 1].Text is "ein" or "eine" or "einen" or "einem" or "einer")
            {
                return true;
            }
        }

        return false;
    }

    private static bool Crosses(List<Token> tokens, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Text is "," or ";" or ":" or "(" or "–")
            {
                return true;
            }
        }

        return false;
    }
}
