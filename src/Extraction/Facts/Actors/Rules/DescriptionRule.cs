using Extraction.Text;

namespace Extraction.Facts.Actors.Rules;

/// <summary>
/// A party named by a definite description: when the figure's sentence names nobody, an institution noun with a
/// definite article ("muss die Kirchengemeinde 450.000 Euro aufbringen", "dass die internationale Gemeinschaft
/// 100 Milliarden bereitstellt"; the cue set "institution") is the party, unless a preposition makes it the
/// beneficiary ("für die Gemeinde"). It resolves to the name of the same noun the article gives elsewhere
/// ("Kirchengemeinde St. Martin", "Stadt Linz"); without one the description itself is the actor.
/// </summary>
internal sealed class DescriptionRule : IActorRule
{
    // Prepositions that make the institution after them a place, a partner or a beneficiary; "von" (the giver) is not among them.
    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "für", "an", "in", "im", "mit", "bei", "zu", "zur", "zum", "nach", "über", "auf", "gegen", "um", "unter", "aus", "ohne", "gegenüber",
    };

    public List<ActorLink>? Link(ActorRuleInput input)
    {
        if (input.Groups.Count > 0 || input.Kind != Model.FactKind.Investment)
        {
            return null;
        }

        var s = input.Sentence;
        var tokens = s.Tokens;
        for (var k = 1; k < tokens.Count; k++)
        {
            if ((k >= input.First && k <= input.Last) || s.CueAt(input.Cues.Lexicon, k, input.Cues.Institution) == 0 || !char.IsUpper(tokens[k].Text[0]))
            {
                continue;
            }

            // The article, then at most two adjectives: "die Kirchengemeinde", "die internationale Gemeinschaft".
            var d = k - 1;
            while (d >= 0 && d >= k - 2 && tokens[d].Kind == TokenKind.Word && char.IsLower(tokens[d].Text[0]) && !IsDefinite(tokens[d].Text))
            {
                d--;
            }

            if (d < 0 || !IsDefinite(tokens[d].Text) || (d > 0 && Prepositions.Contains(tokens[d - 1].Text)))
            {
                continue;
            }

            var noun = tokens[k].Text;
            var description = s.ArticleText[tokens[d + 1].Start..tokens[k].End];
            return [new ActorLink(NamedElsewhere(input, noun) ?? description, new ActorRule(ActorRuleId.Description))];
        }

        return null;
    }

    // The first actor of the article whose name holds the noun as a word ("Kirchengemeinde St. Martin" for "die Kirchengemeinde"),
    // else the first place the article writes the noun before a name.
    private static string? NamedElsewhere(ActorRuleInput input, string noun)
    {
        foreach (var sentence in input.Sentences)
        {
            foreach (var a in sentence.Actors)
            {
                if (a.Canonical.Length > noun.Length && a.Canonical.Split(' ').Contains(noun, StringComparer.OrdinalIgnoreCase))
                {
                    return a.Canonical;
                }
            }
        }

        // "die Stiftung Lindenhof", "der Stadt Nordhausen": the noun followed by a capitalised name.
        foreach (var sentence in input.Sentences)
        {
            var tokens = sentence.Tokens;
            for (var k = 0; k + 1 < tokens.Count; k++)
            {
                if (!tokens[k].Text.Equals(noun, StringComparison.OrdinalIgnoreCase) || !IsName(tokens[k + 1]))
                {
                    continue;
                }

                var end = k + 1;
                if (tokens[end].Text == "St" && end + 2 < tokens.Count && tokens[end + 1].Text == "." && IsName(tokens[end + 2]))
                {
                    end += 2; // "Kirchengemeinde St. Martin"
                }

                return sentence.ArticleText[tokens[k].Start..tokens[end].End];
            }
        }

        return null;
    }

    // A capitalised word that can be a name: not an article, pronoun or common abstract noun.
    private static bool IsName(in Token t) =>
        t.Kind == TokenKind.Word && t.Text.Length >= 2 && char.IsUpper(t.Text[0]) && !IsDefinite(t.Text)
        && t.Text is not ("Sie" or "Es" or "Er" or "Ich" or "Wir" or "Ihr" or "Und" or "Aber")
        && !t.Text.EndsWith("ung", StringComparison.Ordinal) && !t.Text.EndsWith("heit", StringComparison.Ordinal)
        && !t.Text.EndsWith("keit", StringComparison.Ordinal);

    private static bool IsDefinite(string word) => word.ToLowerInvariant() is "der" or "die" or "das" or "dem" or "den" or "des";
}
