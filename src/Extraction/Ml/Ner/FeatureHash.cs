namespace Extraction.Ml.Ner;

/// <summary>
/// 64-bit FNV-1a over UTF-16 code units: the key of a tagger feature. A feature's key is the hash of
/// its name ("l-1=die"), so the model file keeps readable names while tagging hashes the characters
/// in place, without building the name.
/// </summary>
public static class FeatureHash
{
    /// <summary>The hash of nothing.</summary>
    public const ulong Empty = 14695981039346656037UL;

    private const ulong Prime = 1099511628211UL;

    /// <summary>The hash continued by one character.</summary>
    public static ulong Add(ulong h, char c) => (h ^ c) * Prime;

    /// <summary>The hash continued by characters.</summary>
    public static ulong Add(ulong h, ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            h = (h ^ c) * Prime;
        }

        return h;
    }

    /// <summary>The hash continued by characters, lower-cased one by one (invariant culture).</summary>
    public static ulong AddLower(ulong h, ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            h = (h ^ char.ToLowerInvariant(c)) * Prime;
        }

        return h;
    }

    /// <summary>The hash of a whole string.</summary>
    public static ulong Of(ReadOnlySpan<char> s) => Add(Empty, s);
}
