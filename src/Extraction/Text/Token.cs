// Two public types in one file, on purpose: a token's kind only describes a Token and is read with it.

namespace Extraction.Text;

/// <summary>What a token is made of.</summary>
public enum TokenKind
{
    /// <summary>Letters, possibly with digits inside ("H100", "KI", "Milliarden").</summary>
    Word,

    /// <summary>Digits with German or English grouping and decimals ("100.000", "8,6", "5.5").</summary>
    Number,

    /// <summary>A currency symbol (€ $ £ ¥).</summary>
    Symbol,

    /// <summary>Any other single character that is not white space.</summary>
    Punct,
}

/// <summary>A token with its offset into the scanned text.</summary>
public readonly record struct Token(TokenKind Kind, int Start, int Length, string Text)
{
    public int End => Start + Length;

    public bool Is(string s) => string.Equals(Text, s, StringComparison.OrdinalIgnoreCase);
}
