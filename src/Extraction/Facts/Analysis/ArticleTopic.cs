namespace Extraction.Facts.Analysis;

/// <summary>
/// What the article as a whole reports, read only when a decision asks: an insolvency or a court case
/// (cue set "distress": Insolvenz, Gläubiger, Anklage, Untreue ...), where money named by general words
/// ("Kredite", "Mittel", "flossen") is debt, damage or the sum at issue rather than an investment.
/// </summary>
internal sealed class ArticleTopic(List<SentenceInfo> sentences, CueSets cues)
{
    // Three words of the set make the article's subject; one is a passing mention.
    private const int DistressWords = 3;

    private bool? _distress;

    /// <summary>True when the article reports an insolvency or a court case.</summary>
    public bool IsDistress => _distress ??= Count(cues.Distress) >= DistressWords;

    private int Count(int bits)
    {
        if (bits == 0)
        {
            return 0;
        }

        var n = 0;
        foreach (var s in sentences)
        {
            foreach (var t in s.Tokens)
            {
                if (cues.Lexicon.Mask(t, bits) != 0 && ++n >= DistressWords)
                {
                    return n;
                }
            }
        }

        return n;
    }
}
