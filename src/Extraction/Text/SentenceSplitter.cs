namespace Extraction.Text;

/// <summary>
/// German sentence splitting that survives abbreviations (Mrd., Mio., ca., z. B., Dr., Nr.),
/// ordinals and dates ("4. Februar"), quotes, and missing spaces after a full stop.
/// Line breaks always end a sentence: text dumps hold one paragraph a line.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mrd", "mio", "bio", "tsd", "ca", "bzw", "dr", "nr", "prof", "z", "b", "u", "a", "usw", "etc", "ggf",
        "inkl", "vgl", "st", "jh", "mill", "evtl", "sog", "d", "h", "o", "ä", "s", "gem", "max", "min", "rd",
        "jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez", "mr", "mrs",
        "dipl", "ing", "abs", "art", "bspw", "zzgl", "exkl", "co", "inc", "corp", "ltd", "vs", "zb", "hr", "fr",
    };

    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember", "Quartal", "Jahrhundert", "Mal", "Platz", "Stelle",
    };

    // Abbreviations that can also end a sentence: "... rund 2 Mrd. Die Finanzierung steht."
    private static readonly HashSet<string> FinalAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mrd", "mio", "bio", "tsd", "usw", "etc", "mill", "inkl", "zzgl",
    };

    // Words that start a sentence and can never follow a scale or "usw." inside one.
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "Der", "Die", "Das", "Dies", "Diese", "Dieser", "Dieses", "Es", "Er", "Sie", "Wir", "Ich", "Man", "Im", "In", "Am", "An",
        "Auch", "Doch", "Aber", "Damit", "Dabei", "Dafür", "Davon", "Dazu", "Zudem", "Außerdem", "Laut", "Nach", "Mit", "Für",
        "Bis", "So", "Wie", "Was", "Wer", "Wo", "Ein", "Eine", "Einer", "Zum", "Zur", "Seit", "Trotzdem", "Allerdings", "Insgesamt",
        "Denn", "Dann", "Danach", "Deshalb", "Daher", "Jetzt", "Nun", "Hier", "Dort", "Bereits", "Schon", "Zuvor", "Weitere",
        "Ob", "Als", "Wenn", "Weil", "Obwohl", "Zugleich", "Gleichzeitig", "Mehr", "Rund", "Etwa", "Noch",
    };

    private static readonly System.Buffers.SearchValues<char> Marks = System.Buffers.SearchValues.Create("\n.!?…");

    private static bool IsClosing(char c) => c is '"' or '\'' or '“' or '”' or '‘' or '’' or '»' or '«' or ')' or ']' or '“';

    private static bool IsOpening(char c) => c is '"' or '„' or '“' or '‚' or '»' or '«' or '(' or '[' or '\'';

    /// <summary>Splits text into sentences, trimmed of surrounding white space.</summary>
    public static List<SentenceSpan> Split(string text)
    {
        var result = new List<SentenceSpan>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            // Only a line break or a sentence mark can end a sentence: jump to the next one.
            var next = text.AsSpan(i).IndexOfAny(Marks);
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = text[i];
            if (c == '\n')
            {
                Add(text, start, i, result);
                start = i + 1;
                i++;
                continue;
            }

            // A sentence mark: with the marks and closing quotes after it, maybe the end of a sentence.
            var end = i + 1;
            while (end < text.Length && (text[end] is '.' or '!' or '?' || IsClosing(text[end])))
            {
                end++;
            }

            if (IsBoundary(text, i, end))
            {
                Add(text, start, end, result);
                start = end;
            }

            i = end;
        }

        Add(text, start, text.Length, result);
        return result;
    }

    private static bool IsBoundary(string text, int mark, int after)
    {
        if (after >= text.Length)
        {
            return true;
        }

        var next = text[after];
        var spaced = char.IsWhiteSpace(next);
        var k = after;
        while (k < text.Length && text[k] is ' ' or '\t' or '\u00A0')
        {
            k++;
        }

        if (k >= text.Length || text[k] is '\n' or '\r')
        {
            return true;
        }

        var first = text[k];
        if (text[mark] != '.')
        {
            // "!" and "?" end a sentence before anything that can start one.
            return spaced && (char.IsUpper(first) || IsOpening(first) || char.IsDigit(first));
        }

        var word = WordBefore(text, mark);
        if (!spaced)
        {
            // "...so die Kommissionspräsidentin.InvestAI ist": a missing space after a real word.
            return char.IsUpper(first) && word.Length >= 3 && char.IsLetter(word[0]) && word.Skip(1).All(char.IsLower)
                && !Abbreviations.Contains(word);
        }

        if (word.Length > 0 && Abbreviations.Contains(word))
        {
            return FinalAbbreviations.Contains(word) && SentenceStarters.Contains(WordAt(text, k));
        }

        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return false; // initials: "Anat A. Ashkenazi"
        }

        if (word.Length > 0 && word.All(char.IsAsciiDigit))
        {
            // Ordinals and dates: "am 4. Februar", "der 3. Platz"; a year at the end of a sentence splits.
            var nextWord = WordAt(text, k);
            if (Months.Contains(nextWord) || (nextWord.Length > 0 && char.IsLower(nextWord[0])))
            {
                return false;
            }

            if (char.IsDigit(first))
            {
                // "4. 2. 2025" is a date; after a year a figure starts the next sentence: "öffnet 2027. 3.000 Menschen".
                return word.Length == 4;
            }

            return word.Length == 4 || char.IsUpper(first) || IsOpening(first);
        }

        // After a full lower-case word (no abbreviation is that long) a sentence may start with a
        // lower-case name: "... zu sichern. shutterstock.com – Foto ...".
        if (word.Length >= 6 && word.All(char.IsLower) && char.IsLower(first))
        {
            return true;
        }

        return char.IsUpper(first) || IsOpening(first) || char.IsDigit(first) || first is '•' or '-' or '–';
    }

    private static string WordBefore(string text, int mark)
    {
        var j = mark;
        while (j > 0 && char.IsLetterOrDigit(text[j - 1]))
        {
            j--;
        }

        return text[j..mark];
    }

    private static string WordAt(string text, int k)
    {
        var j = k;
        while (j < text.Length && char.IsLetter(text[j]))
        {
            j++;
        }

        return text[k..j];
    }

    private static void Add(string text, int start, int end, List<SentenceSpan> result)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add(new SentenceSpan(start, end - start));
        }
    }
}
