namespace Extraction.Evaluation;

/// <summary>Finds the sentence of a gold quote in an article's cleaned text, so a miss can be read where it stands.</summary>
public static class QuoteLocator
{
    /// <summary>The sentence around the first occurrence of <paramref name="quote"/>, or null when the text lacks it.</summary>
    public static string? SentenceOf(string text, string quote)
    {
        if (quote.Length == 0)
        {
            return null;
        }

        var at = text.IndexOf(quote, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at;
        while (start > 0 && !IsBoundary(text, start - 1))
        {
            start--;
        }

        var end = at + quote.Length;
        while (end < text.Length && !IsBoundary(text, end))
        {
            end++;
        }

        return text[start..Math.Min(text.Length, end + 1)].Trim();
    }

    // A line break, or '.', '!' or '?' followed by a space and a capital: cheap, and good enough
    // to show a reader the context (abbreviations like "Mio. Euro" are followed by a capital, so a
    // sentence may end early there; the quote itself is always inside).
    private static bool IsBoundary(string text, int i) =>
        text[i] == '\n' || (text[i] is '.' or '!' or '?' && i + 2 < text.Length && text[i + 1] == ' ' && char.IsUpper(text[i + 2]) && !IsAmountWord(text, i + 2));

    private static bool IsAmountWord(string text, int i) =>
        text.AsSpan(i).StartsWith("Euro", StringComparison.Ordinal) || text.AsSpan(i).StartsWith("Dollar", StringComparison.Ordinal)
        || text.AsSpan(i).StartsWith("US-Dollar", StringComparison.Ordinal) || text.AsSpan(i).StartsWith("Franken", StringComparison.Ordinal);
}
