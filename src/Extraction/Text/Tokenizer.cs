namespace Extraction.Text;

/// <summary>A span scanner that splits text into words, numbers, currency symbols and punctuation.</summary>
public static class Tokenizer
{
    /// <summary>Spaces that may group digits inside one number ("100 000").</summary>
    private static bool IsGroupSpace(char c) => c is '\u00A0' or '\u202F' or '\u2009';

    /// <summary>Tokenizes the whole text.</summary>
    public static List<Token> Tokenize(string text) => Tokenize(text, 0, text.Length);

    /// <summary>Tokenizes text[start..start+length]; offsets are into the whole text.</summary>
    public static List<Token> Tokenize(string text, int start, int length)
    {
        var tokens = new List<Token>(length / 5 + 4);
        var span = text.AsSpan();
        var end = start + length;
        var i = start;
        while (i < end)
        {
            var c = span[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                var j = ScanNumber(span, i, end);
                if (j < end && char.IsLetter(span[j]) && !IsScaleLetterRun(span, j, end))
                {
                    // "3D", "5G", "4090er": digits glued to letters are a word, not a figure.
                    j = ScanWord(span, j, end);
                    tokens.Add(new Token(TokenKind.Word, i, j - i, text[i..j]));
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Number, i, j - i, text[i..j]));
                }

                i = j;
                continue;
            }

            if (char.IsLetter(c))
            {
                var j = ScanWord(span, i, end);
                tokens.Add(new Token(TokenKind.Word, i, j - i, text[i..j]));
                i = j;
                continue;
            }

            var kind = c is '€' or '$' or '£' or '¥' ? TokenKind.Symbol : TokenKind.Punct;
            tokens.Add(new Token(kind, i, 1, text.Substring(i, 1)));
            i++;
        }

        return tokens;
    }

    // "5bn", "10Mrd" are figures with a glued scale; keep the digits a number.
    private static bool IsScaleLetterRun(ReadOnlySpan<char> s, int j, int end)
    {
        var k = j;
        while (k < end && char.IsLetter(s[k]))
        {
            k++;
        }

        var run = s[j..k];
        return run is "bn" or "Mrd" or "Mio" or "Mia" or "Tsd" or "m" or "k";
    }

    private static int ScanWord(ReadOnlySpan<char> s, int i, int end)
    {
        var j = i;
        while (j < end && (char.IsLetterOrDigit(s[j]) || char.GetUnicodeCategory(s[j]) == System.Globalization.UnicodeCategory.NonSpacingMark))
        {
            j++;
        }

        return j;
    }

    private static int ScanNumber(ReadOnlySpan<char> s, int i, int end)
    {
        var j = i;
        while (j < end && char.IsAsciiDigit(s[j]))
        {
            j++;
        }

        while (j + 1 < end)
        {
            var sep = s[j];
            if ((sep == '.' || sep == ',') && char.IsAsciiDigit(s[j + 1]))
            {
                j += 2;
                while (j < end && char.IsAsciiDigit(s[j]))
                {
                    j++;
                }

                continue;
            }

            // A grouping space is followed by exactly three digits.
            if (IsGroupSpace(sep) && j + 3 < end
                && char.IsAsciiDigit(s[j + 1]) && char.IsAsciiDigit(s[j + 2]) && char.IsAsciiDigit(s[j + 3])
                && (j + 4 >= end || !char.IsAsciiDigit(s[j + 4])))
            {
                j += 4;
                continue;
            }

            break;
        }

        return j;
    }
}
