using Extraction.Facts;
using Extraction.Facts.Actors;
using Extraction.Pipeline;
using Extraction.Text;

namespace Extraction.Recognize;

/// <summary>
/// Organisation names no list knows, found by how German news writes them: an acronym ("die NASA"),
/// the name after a company noun ("der Konzern X", "die Firma X",
/// "der Energieversorger X"), a capitalised adjective before an institution noun ("Steirische
/// Landesbank"), and Romance names joined by their own connectors ("Banco de Sol"). Names with an
/// inner capital are often products ("ChatGPT"): only taken after a company noun. A common noun is
/// never taken: bare capitalised words stay out unless a company noun introduces them. Span scans, no regex.
/// </summary>
public sealed class OrganisationNames : IActorCandidateSource
{
    // Word lists of models/org-words-de.txt: upper-case words that are no organisation, finite verbs after which a
    // subject stands, heads after a hyphen that make the part before a name ("Solvix-Chef"), common nouns before such
    // heads, heads of company and institution nouns, connectors of Romance names, articles, determiners after a verb
    // and sentence adverbs.
    private static readonly Dictionary<string, List<string>> Lists = ModelFiles.Embedded.ReadLists(
        "org-words-de.txt", "not-name", "subject-verb", "name-head", "not-name-prefix", "company-head", "institution-head",
        "foreign-joiner", "article", "determiner", "sentence-adverb");

    private static readonly HashSet<string> NotNames = new(Lists["not-name"].Select(w => w.ToUpperInvariant()), StringComparer.Ordinal);
    private static readonly HashSet<string> FiniteVerbs = new(Lists["subject-verb"], StringComparer.Ordinal);
    private static readonly HashSet<string> NameHeads = new(Lists["name-head"], StringComparer.Ordinal);
    private static readonly HashSet<string> NotNamePrefixes = new(Lists["not-name-prefix"], StringComparer.Ordinal);

    // Heads of nouns that introduce a company's name: "der Konzern X", "der Autobauer X", "die Investmentbank X".
    private static readonly string[] CompanyHeads = [.. Lists["company-head"]];

    // Heads of nouns that a capitalised adjective turns into an institution's name: "Burgenländische X-holding".
    private static readonly string[] InstitutionHeads = [.. Lists["institution-head"]];

    private static readonly HashSet<string> ForeignJoiners = new(Lists["foreign-joiner"], StringComparer.Ordinal);

    private static readonly HashSet<string> Articles = new(Lists["article"], StringComparer.Ordinal);

    // What follows a finite verb when the word between is its subject: an article or a possessive ("hat Solvix die Sparte", "hat Solvix seine Anteile").
    private static readonly HashSet<string> Determiners = new(Lists["determiner"], StringComparer.Ordinal);

    // Words that open a German sentence before its verb without being its subject ("Außerdem kauft ...").
    private static readonly HashSet<string> SentenceAdverbs = new(Lists["sentence-adverb"], StringComparer.Ordinal);

    /// <inheritdoc/>
    public void Find(string text, List<Token> tokens, List<ActorMention> found)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t.Kind != TokenKind.Word || t.Text.Length < 2 || !char.IsUpper(t.Text[0]) || Articles.Contains(t.Text))
            {
                continue;
            }

            var end = Foreign(tokens, k);
            if (end < 0 && IsAcronym(t.Text))
            {
                end = k;
            }

            if (end < 0 && k == 0 && tokens.Count > 2 && FiniteVerbs.Contains(tokens[1].Text) && IsSubjectName(t.Text))
            {
                end = 0;
            }

            // Verb second: "Für 2 Milliarden hat Solvix die Firma übernommen": a bare word right after the finite verb, before an article, is the subject.
            if (end < 0 && k >= 2 && k + 1 < tokens.Count && tokens[k - 1].Kind == TokenKind.Word && FiniteVerbs.Contains(tokens[k - 1].Text)
                && tokens[k - 2].Kind != TokenKind.Punct && Determiners.Contains(tokens[k + 1].Text) && IsSubjectName(t.Text))
            {
                end = k;
            }

            // "Solvix-Chef Anna Berg", "die Solvix-Aktie": the part before a company head after a hyphen is the name.
            if (end < 0 && BeforeNameHead(tokens, k))
            {
                end = k;
            }

            if (end < 0 && k + 1 < tokens.Count && IsCapitalWord(tokens[k + 1]) && IsInstitutionAdjective(t.Text) && EndsWithAny(tokens[k + 1].Text, InstitutionHeads))
            {
                end = k + 1;
            }

            if (end < 0 && k >= 2 && Articles.Contains(tokens[k - 2].Text) && EndsWithAny(tokens[k - 1].Text, CompanyHeads)
                && (IsAcronym(t.Text) || IsInnerCapital(t.Text) || IsCapitalWord(t) && !LooksLikeCommonNoun(t.Text)))
            {
                end = k;
                while (end + 1 < tokens.Count && end - k < 2 && (IsCapitalWord(tokens[end + 1]) && !LooksLikeCommonNoun(tokens[end + 1].Text) || IsAcronym(tokens[end + 1].Text)))
                {
                    end++;
                }
            }

            if (end < 0)
            {
                continue;
            }

            var name = text[tokens[k].Start..tokens[end].End];
            found.Add(new ActorMention(k, end, tokens[k].Start, tokens[end].End, name, name, "org"));
            k = end;
        }
    }

    // "Solvix" of "Solvix-Chef" (three tokens, no spaces between): the first part of a hyphenated compound whose last part
    // is a company head, neither a common noun nor an abbreviation of another kind.
    private static bool BeforeNameHead(List<Token> tokens, int k)
    {
        if (k + 2 >= tokens.Count || tokens[k + 1].Text != "-" || tokens[k + 1].Start != tokens[k].End || tokens[k + 2].Start != tokens[k + 1].End
            || tokens[k + 2].Kind != TokenKind.Word || !NameHeads.Contains(tokens[k + 2].Text.ToLowerInvariant())
            || (k > 0 && tokens[k - 1].Text == "-" && tokens[k - 1].End == tokens[k].Start))
        {
            return false;
        }

        var prefix = tokens[k].Text;
        return (IsAcronym(prefix) || (IsSubjectName(prefix) && char.IsLower(prefix[^1]))) && !NotNamePrefixes.Contains(prefix)
            && !EndsWithAny(prefix, CompanyHeads);
    }

    // "Banco de Sol", "Monte dei Paschi di Siena": capitalised words joined by a foreign connector; the index of the last, or -1.
    private static int Foreign(List<Token> tokens, int k)
    {
        var end = -1;
        var j = k;
        while (j + 2 < tokens.Count && ForeignJoiners.Contains(tokens[j + 1].Text) && IsCapitalWord(tokens[j + 2]))
        {
            j += 2;
            end = j;
        }

        // "Monte dei Paschi": a second capitalised word may follow the first before the connector.
        if (end < 0 && j + 3 < tokens.Count && IsCapitalWord(tokens[j + 1]) && ForeignJoiners.Contains(tokens[j + 2].Text) && IsCapitalWord(tokens[j + 3]))
        {
            end = j + 3;
        }

        return end;
    }

    private static bool IsCapitalWord(in Token t) => t.Kind == TokenKind.Word && t.Text.Length > 1 && char.IsUpper(t.Text[0]);

    /// <summary>True for an upper-case word of models/org-words-de.txt that is no organisation ("KMU", "HD", "CEO").</summary>
    public static bool IsNotName(string word) => NotNames.Contains(word.ToUpperInvariant());

    /// <summary>"NASA", "UBS", "BLh": two to six letters, capitals but for one last small letter (digits and '&amp;' allowed), not a currency, unit or title.</summary>
    public static bool IsAcronym(string word)
    {
        if (word.Length is < 2 or > 6 || !char.IsUpper(word[0]) || word[^1] == 's' || char.IsDigit(word[^1]))
        {
            return false;
        }

        var capitals = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsUpper(c))
            {
                capitals++;
            }
            else if (char.IsLower(c) ? i != word.Length - 1 : !char.IsDigit(c) && c != '&')
            {
                return false;
            }
        }

        return capitals >= 2 && !NotNames.Contains(word.ToUpperInvariant());
    }

    /// <summary>"DeepMind", "OpenAI": a capital inside a word of lower-case letters, no hyphen, no digits.</summary>
    public static bool IsInnerCapital(string word)
    {
        if (word.Length < 4 || !char.IsUpper(word[0]) || !char.IsLower(word[1]))
        {
            return false;
        }

        for (var i = 2; i < word.Length; i++)
        {
            var c = word[i];
            if (!char.IsLetter(c))
            {
                return false;
            }

            if (char.IsUpper(c) && i < word.Length - 1)
            {
                return true;
            }
        }

        return false;
    }

    // The first word of "X investiert ...": a name unless it looks like a common noun, a plural or a pronoun-like word.
    private static bool IsSubjectName(string word) =>
        word.Length >= 3 && !LooksLikeCommonNoun(word) && !Articles.Contains(word) && !char.IsDigit(word[^1])
        && !EndsWithAny(word, ["er", "en", "e", "el", "innen", "ling", "chen", "land", "stadt", "haus", "los", "lich", "ig", "isch", "bar", "weise", "mals", "falls", "ens", "wärts", "st"])
        && !SentenceAdverbs.Contains(word);

    // "Burgenländische", "Steirischen", "Wiener": a capitalised adjective of a place.
    private static bool IsInstitutionAdjective(string word) =>
        word.EndsWith("ische", StringComparison.Ordinal) || word.EndsWith("ischen", StringComparison.Ordinal)
        || word.EndsWith("ländische", StringComparison.Ordinal) || word.EndsWith("ländischen", StringComparison.Ordinal);

    // Endings of German abstract and plural nouns: after a company noun they are no name ("das Unternehmen Gewinne").
    private static bool LooksLikeCommonNoun(string word) =>
        EndsWithAny(word, ["ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "tät", "nis", "ismus", "ment", "gewinne", "euro", "dollar", "millionen", "milliarden"])
        || Articles.Contains(word);

    private static bool EndsWithAny(string word, string[] tails)
    {
        foreach (var tail in tails)
        {
            if (word.EndsWith(tail, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
