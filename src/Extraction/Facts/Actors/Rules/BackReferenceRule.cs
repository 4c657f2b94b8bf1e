namespace Extraction.Facts.Actors.Rules;

/// <summary>
/// Back-references: "Er", "Der Plan", "demzufolge" look up to three sentences back; "das Unternehmen"
/// and "der Konzern" look for the nearest company before, however far. Without such a word, the previous sentence's actor.
/// </summary>
internal sealed class BackReferenceRule : IActorRule
{
    public List<ActorLink>? Link(ActorRuleInput input)
    {
        var s = input.Sentence;
        var corefIndex = s.FirstCue(input.Cues.Lexicon, input.Cues.Coref);

        // "an ein Augsburger Unternehmen": an indefinite company noun introduces a new party, it refers back to none.
        if (corefIndex >= 0 && WantsCompany(s.Tokens[corefIndex].Text) && IndefiniteBefore(s, corefIndex))
        {
            corefIndex = -1;
        }
        var startUp = StartUp(s);
        var coref = corefIndex >= 0 || startUp >= 0;
        var wantsOrg = startUp >= 0 && (corefIndex < 0 || startUp < corefIndex) || corefIndex >= 0 && WantsCompany(s.Tokens[corefIndex].Text);
        // "der Konzern" may name a company several paragraphs back: a company-asking reference reads the whole article before it.
        var reach = wantsOrg ? input.Index : coref ? 3 : 1;
        for (var b = 1; b <= reach && input.Index - b >= 0; b++)
        {
            var prev = input.Sentences[input.Index - b];
            var mentions = input.Mentions.Of(prev, input.Context);
            if (wantsOrg)
            {
                mentions = mentions.FindAll(a => a.Type == "org");
            }

            if (mentions.Count > 0)
            {
                var g = ActorMentions.Coordinate(prev.Tokens, mentions);
                var rule = !coref ? new ActorRule(ActorRuleId.PreviousSentence)
                    : new ActorRule(wantsOrg ? ActorRuleId.BackReferenceCompany : ActorRuleId.BackReference, b);
                return [new ActorLink(ActorMentions.Name(g[0]), rule)];
            }
        }

        return null;
    }

    // "das Start-up" (tokenised "Start", "-", "up") refers back to a company: its index, or -1.
    private static int StartUp(Analysis.SentenceInfo s)
    {
        for (var k = 1; k + 2 < s.Tokens.Count; k++)
        {
            if (s.Tokens[k].Text == "Start" && s.Tokens[k + 1].Text == "-" && s.Tokens[k + 2].Is("up") && s.Tokens[k - 1].Text is "das" or "Das" or "dem" or "des")
            {
                return k;
            }
        }

        return -1;
    }

    // An indefinite article at most two words before token k ("ein Unternehmen", "einem Wiener Konzern").
    private static bool IndefiniteBefore(Analysis.SentenceInfo s, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 2; j--)
        {
            if (s.Tokens[j].Text.ToLowerInvariant() is "ein" or "eine" or "einem" or "einen" or "einer" or "eines")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for back-reference words that ask for a company ("das Unternehmen", "der Konzern", "die Firma").</summary>
    public static bool WantsCompany(string word) =>
        word.StartsWith("Unternehmen", StringComparison.OrdinalIgnoreCase) || word.StartsWith("Konzern", StringComparison.OrdinalIgnoreCase)
        || word is "Firma" or "Gruppe" or "Start-up" or "Startup";
}
