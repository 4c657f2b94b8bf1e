using Extraction.Facts;
using Extraction.Facts.Actors;
using Extraction.Recognize;
using Extraction.Text;

namespace Extraction.Ml.Ner;

/// <summary>
/// The organisation recogniser as an actor candidate source: in sentences that hold a figure (the
/// only ones whose actors a fact takes from its own sentence, and the only ones tagged, to keep the
/// cost low), it adds ORG names the gazetteer and the rule sources did not find. As a fallback
/// (<paramref name="gazetteer"/> given) it proposes names only in sentences where neither the
/// gazetteer nor the rules' organisation names find any party, so it never competes with a rule's candidate.
/// </summary>
public sealed class OrgActorSource(OrgRecognizer recognizer, ActorGazetteer? gazetteer = null) : IFallbackActorSource
{
    private readonly IReadOnlyList<IActorCandidateSource> _rules = ActorSources.Default;

    /// <summary>True when the source only speaks in sentences without another candidate.</summary>
    public bool IsFallback => gazetteer is not null;

    /// <inheritdoc/>
    ActorGazetteer? IFallbackActorSource.Gazetteer => gazetteer;

    /// <inheritdoc/>
    public void Find(string text, List<Token> tokens, List<ActorMention> found)
    {
        if (AmountRecognizer.FirstFigure(tokens) >= tokens.Count || (gazetteer is not null && RulesFindAParty(text, tokens)))
        {
            return;
        }

        FindUnclaimed(text, tokens, found);
    }

    /// <inheritdoc/>
    void IFallbackActorSource.FindUnclaimed(string text, List<Token> tokens, List<ActorMention> found) => FindUnclaimed(text, tokens, found);

    private void FindUnclaimed(string text, List<Token> tokens, List<ActorMention> found)
    {
        var words = new List<string>(tokens.Count);
        foreach (var t in tokens)
        {
            words.Add(t.Text);
        }

        var quoted = QuotedTokens(tokens);
        foreach (var (first, last) in recognizer.Tag(words))
        {
            // A name starts with a capital letter or a digit ("3M"); a lone lower-case or punctuation token is a tagging slip.
            var head = tokens[first].Text;
            if (head.Length == 0 || !(char.IsUpper(head[0]) || char.IsDigit(head[0])) || (first == last && !IsSingleWordName(head))
                || quoted[first] || IsAcronymCompound(tokens[last].Text) || IsCompoundHead(tokens, last) || IsCitedSource(tokens, first, last)
                || IsDateline(tokens, first, last))
            {
                continue;
            }

            var start = tokens[first].Start;
            var end = tokens[last].Start + tokens[last].Length;
            var name = text[start..end];
            found.Add(new ActorMention(first, last, start, end, name, name, "org"));
        }
    }

    private bool RulesFindAParty(string text, List<Token> tokens)
    {
        if (gazetteer!.Find(tokens, 0, tokens.Count).Count > 0)
        {
            return true;
        }

        var more = new List<ActorMention>();
        foreach (var source in _rules)
        {
            source.Find(text, tokens, more);
            if (more.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    // Tokens inside quoted speech („...“, "...", »...«): the speaker's words name things and places more often than the party that pays,
    // and an English quote is beyond a tagger trained on German.
    private static bool[] QuotedTokens(List<Token> tokens)
    {
        var inside = new bool[tokens.Count];
        var open = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i].Text;
            if (t is "„" or "»" || (t == "\"" && !open))
            {
                open = true;
            }
            else if (t is "“" or "«" || (t == "\"" && open))
            {
                open = false;
            }
            else
            {
                inside[i] = open;
            }
        }

        return inside;
    }

    // "ChatGPT", "iPhone", "PlayStation": a capital after a lower-case letter inside one word marks a product more often than a company
    // (the rules' OrganisationNames take such a word only after a company noun).
    private static bool HasInnerCapital(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            if (char.IsUpper(word[i]) && char.IsLower(word[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that mark the name beside them as the source of a report ("laut X", "nach Angaben der X", "X zufolge", "berichtete X"), not as a party.</summary>
    private static readonly HashSet<string> Attribution = new(StringComparer.OrdinalIgnoreCase)
    {
        "laut", "angaben", "zufolge", "berichtet", "berichtete", "berichten", "berichteten", "meldet", "meldete", "schreibt", "schrieb", "zitiert", "zitierte",
    };

    // "nach Angaben der New York Times", "laut Reuters" (up to three tokens before), "dem Handelsblatt zufolge", "berichtet die Zeitung".
    private static bool IsCitedSource(List<Token> tokens, int first, int last)
    {
        for (var k = Math.Max(0, first - 3); k < first; k++)
        {
            if (Attribution.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return last + 1 < tokens.Count && Attribution.Contains(tokens[last + 1].Text);
    }

    // A name glued to a hyphen and a word ("Siemens-Chef" split into three tokens) is the first part of a compound, not a party.
    /// <summary>A dateline: the sentence opens with a place and a dash ("Wien – Die Stadt ..."); the place is where the report comes from, not a party.</summary>
    private static bool IsDateline(List<Token> tokens, int first, int last) =>
        first == 0 && last + 1 < tokens.Count && tokens[last + 1].Text is "–" or "—" or "-";

    private static bool IsCompoundHead(List<Token> tokens, int last) =>
        last + 2 < tokens.Count && tokens[last + 1].Text == "-"
        && tokens[last + 1].Start == tokens[last].Start + tokens[last].Length && tokens[last + 2].Start == tokens[last + 1].Start + 1;

    // "SPD-Chef", "APA-Interview", "UBS-Aktie": an acronym joined to a common noun names a thing about the organisation, not the organisation (GermEval's ORGpart).
    private static bool IsAcronymCompound(string token)
    {
        var hyphen = token.IndexOf('-', StringComparison.Ordinal);
        if (hyphen < 2 || hyphen + 2 >= token.Length || !char.IsUpper(token[hyphen + 1]) || !char.IsLower(token[hyphen + 2]))
        {
            return false;
        }

        foreach (var c in token.AsSpan(0, hyphen))
        {
            if (!char.IsUpper(c) && !char.IsDigit(c) && c != '&')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Abbreviations of things, jobs and fields that the recogniser's word shapes take for organisations.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "KI", "AI", "IT", "VC", "CEO", "CFO", "CTO", "GPU", "GPUs", "CPU", "PC", "TV", "IPO", "M&A", "R&D", "B2B", "SaaS", "ML", "LLM", "AG", "GmbH", "SE", "Co",

        // Demonyms of English text: where a company or state comes from, not who it is ("US-Konzern", "European AI").
        "US", "UK", "EU", "European", "American", "Swiss", "German", "British", "French", "Chinese", "Japanese", "Canadian", "Austrian",
    };

    /// <summary>Common-noun endings of German: a single word ending so ("Initiative", "Regierung", "Gesellschaft") is no name by itself.</summary>
    private static readonly string[] NounEndings = ["ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "tät", "ive", "ismus", "nahme", "ment", "ing"];

    private static bool IsSingleWordName(string word)
    {
        if (NotNames.Contains(word) || OrganisationNames.IsNotName(word) || HasInnerCapital(word))
        {
            return false;
        }

        foreach (var ending in NounEndings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
