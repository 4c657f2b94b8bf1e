namespace Extraction.Text;

/// <summary>A sentence as an offset range into its text.</summary>
public readonly record struct SentenceSpan(int Start, int Length)
{
    public int End => Start + Length;
}
