using Extraction.Text;

namespace Extraction.Recognize;

/// <summary>The left-to-right scan both recognizers share: try a mention at each token, skip past what matched.</summary>
internal static class MentionScanner
{
    /// <summary>A recognizer's attempt at token i: the mention and the token after it.</summary>
    public delegate bool TryAt<T>(string text, List<Token> tokens, int i, out T mention, out int next);

    /// <summary>All mentions from token <paramref name="from"/> on (before it none can start), left to right, without overlaps.</summary>
    public static IReadOnlyList<T> Scan<T>(string text, List<Token> tokens, TryAt<T> tryAt, int from = 0)
    {
        List<T>? found = null; // most sentences have none: no list for them
        var i = from;
        while (i < tokens.Count)
        {
            if (tryAt(text, tokens, i, out var mention, out var next))
            {
                (found ??= []).Add(mention);
                i = next;
            }
            else
            {
                i++;
            }
        }

        return found ?? (IReadOnlyList<T>)[];
    }
}
