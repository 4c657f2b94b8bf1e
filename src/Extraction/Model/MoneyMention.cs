namespace Extraction.Model;

/// <summary>A money expression found in text, with offsets into the text it was found in.</summary>
public sealed record MoneyMention(int Start, int Length, string Text, Amount Amount, CurrencyEvidence Evidence);
