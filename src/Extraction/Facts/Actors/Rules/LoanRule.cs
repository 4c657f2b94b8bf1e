namespace Extraction.Facts.Actors.Rules;

/// <summary>
/// Loans: the money is the lender's (annotation.md: loans to a company, "Kredit der EIB"). The lender is
/// named after "von" ("hat sich 4 Millionen von X geliehen", "erhält von X einen Kredit"), in the genitive
/// after the loan noun ("ein Darlehen der X"), or as the subject of a lending verb ("X gewährt der Firma Y
/// einen Kredit": the first actor not in the dative). A loan whose lender is not named is left to the
/// rules after this one (the borrower raises the money).
/// </summary>
internal sealed class LoanRule : IActorRule
{
    public List<ActorLink>? Link(ActorRuleInput input)
    {
        var s = input.Sentence;
        if (input.Groups.Count == 0 || !s.HasCue(input.Cues.Lexicon, input.Cues.Loan | input.Cues.Lend))
        {
            return null;
        }

        var tokens = s.Tokens;
        List<ActorMention>? lender = null;
        var lends = false;
        for (var k = 0; k < tokens.Count; k++)
        {
            var cue = s.CueAt(input.Cues.Lexicon, k, input.Cues.Loan | input.Cues.Lend);
            lends |= (cue & input.Cues.Lend) != 0 && char.IsLower(tokens[k].Text[0]); // the verb, not "die Vergabe"
            if ((cue & input.Cues.Loan) != 0 && char.IsUpper(tokens[k].Text[0]))
            {
                // "ein Darlehen der Förderbank X", "Kredite des Bundes": a group that starts at most three tokens after the noun, after der/des.
                lender ??= input.Groups.Find(g => g[0].FirstToken > k && g[0].FirstToken <= k + 3 && tokens[k + 1].Text is "der" or "des");
            }
        }

        // "von X", "vom Bund", "von der Hausbank X": the lender of a loan sentence, wherever it stands.
        lender ??= input.Groups.Find(g => AfterVon(tokens, g[0].FirstToken) && (g[0].FirstToken < input.First || g[0].FirstToken > input.Last));
        if (lender is null && lends)
        {
            lender = input.Groups.Find(g => g[0].FirstToken == 0 || !IsDative(tokens[g[0].FirstToken - 1].Text, g[0].FirstToken >= 2 ? tokens[g[0].FirstToken - 2].Text : ""));
        }

        return lender is null ? null : [new ActorLink(ActorMentions.Name(lender), new ActorRule(ActorRuleId.Loan))];
    }

    // "von" or "vom" at most three tokens before token k, with only words between.
    private static bool AfterVon(List<Extraction.Text.Token> tokens, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 3; j--)
        {
            if (tokens[j].Text is "von" or "vom")
            {
                return true;
            }

            if (tokens[j].Kind != Extraction.Text.TokenKind.Word)
            {
                return false;
            }
        }

        return false;
    }

    // "dem Konzern X", "der Firma X" inside a sentence: the receiver of a dative, not the subject.
    private static bool IsDative(string before, string twoBefore) =>
        before is "dem" or "der" || (char.IsUpper(before[0]) && twoBefore is "dem" or "der");
}
