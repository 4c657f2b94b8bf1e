using Extraction.Facts.Analysis;

namespace Extraction.Facts.Actors.Rules;

/// <summary>
/// Subsidies come from governments: the last country, EU or region before the figure, else the first in
/// the sentence. A subsidy named by a noun ("eine Förderung von", "Presseförderung", money "aus dem
/// Klimafonds") with no government in its sentence was granted by the government of the two sentences
/// before, else by the article's state; a subsidy verb ("Die Firma fördert ...") leaves the giver to the
/// sentence's subject (the rules after this one).
/// </summary>
internal sealed class SubsidyRule : IActorRule
{
    public List<ActorLink>? Link(ActorRuleInput input)
    {
        var s = input.Sentence;
        var cue = s.HasCue(input.Cues.Lexicon, input.Cues.Subsidy);
        var fund = !cue && FundSource(s) >= 0;
        if (!cue && !fund)
        {
            return null;
        }

        var pick = Government(input.Groups, input.First);
        if (pick is not null)
        {
            return [new ActorLink(ActorMentions.Name(pick), new ActorRule(ActorRuleId.Subsidy))];
        }

        // The rest reads a subsidy noun only: who grants is left unsaid.
        if (!fund && !HasSubsidyNoun(input))
        {
            return null;
        }

        for (var b = 1; b <= 2 && input.Index - b >= 0; b++)
        {
            var before = input.Mentions.GroupsOf(input.Sentences, input.Index - b, input.Context);
            if (Government(before, int.MaxValue) is { } g)
            {
                return [new ActorLink(ActorMentions.Name(g), new ActorRule(ActorRuleId.Subsidy))];
            }
        }

        return input.Context.Country is { } country ? [new ActorLink(country, new ActorRule(ActorRuleId.Subsidy))] : null;
    }

    // The last group of governments (countries, the EU, regions) before token `first`, else the first such group.
    private static List<ActorMention>? Government(List<List<ActorMention>> groups, int first)
    {
        List<ActorMention>? firstGov = null, lastGovBefore = null;
        foreach (var g in groups)
        {
            if (g.TrueForAll(a => a.Type is "country" or "eu" or "region"))
            {
                firstGov ??= g;
                if (g[^1].LastToken < first)
                {
                    lastGovBefore = g;
                }
            }
        }

        return lastGovBefore ?? firstGov;
    }

    // A subsidy cue written as a noun ("Förderung", "Fördermittel", "Zuschüsse"), not as a verb ("fördert").
    private static bool HasSubsidyNoun(ActorRuleInput input)
    {
        var s = input.Sentence;
        for (var k = 0; k < s.Tokens.Count; k++)
        {
            var text = s.Tokens[k].Text;
            if (text.Length > 0 && char.IsUpper(text[0]) && s.CueAt(input.Cues.Lexicon, k, input.Cues.Subsidy) != 0)
            {
                return true;
            }
        }

        return false;
    }

    // "aus dem Klimafonds", "aus einem Sonderfonds": public money from a fund named by a compound noun; the index of the fund, or -1.
    private static int FundSource(SentenceInfo s)
    {
        var tokens = s.Tokens;
        for (var k = 2; k < tokens.Count; k++)
        {
            var text = tokens[k].Text;
            if (text.Length > 5 && char.IsUpper(text[0]) && text.EndsWith("fonds", StringComparison.Ordinal)
                && tokens[k - 1].Text is "dem" or "einem" or "den" && tokens[k - 2].Is("aus"))
            {
                return k;
            }
        }

        return -1;
    }
}
