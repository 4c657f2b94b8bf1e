using Extraction.Model;
using Extraction.Text;

namespace Extraction.Facts.Analysis;

/// <summary>
/// One sentence of the article: its tokens and mentions, and (computed when first asked, as most
/// sentences hold no figure) its text and the cue sets of each token.
/// </summary>
internal sealed class SentenceInfo(
    SentenceSpan span,
    string article,
    List<Token> tokens,
    List<ActorMention> actors,
    IReadOnlyList<MoneyMention> money,
    IReadOnlyList<HardwareMention> hardware,
    int retractedBefore)
{
    private string? _text;
    private int[]? _cues;
    private int _anyCue;

    public SentenceSpan Span => span;

    public string Text => _text ??= article.Substring(span.Start, span.Length);

    /// <summary>The whole article's text (mention offsets index it).</summary>
    public string ArticleText => article;

    public List<Token> Tokens => tokens;

    public List<ActorMention> Actors => actors;

    public IReadOnlyList<MoneyMention> Money => money;

    public IReadOnlyList<HardwareMention> Hardware => hardware;

    public int RetractedBefore => retractedBefore;

    /// <summary>The cue sets of each token, as <see cref="CueLexicon.Mask(in Token)"/> gives them.</summary>
    public int[] Cues(CueLexicon lexicon)
    {
        if (_cues is null)
        {
            var cues = new int[tokens.Count];
            var any = 0;
            for (var k = 0; k < cues.Length; k++)
            {
                cues[k] = lexicon.Mask(tokens[k]);
                any |= cues[k];
            }

            any |= lexicon.AddSeparableVerbs(tokens, cues);
            if ((any & lexicon.Bit("positive")) != 0)
            {
                lexicon.ClearNames(tokens, cues);
            }

            _anyCue = any;
            _cues = cues;
        }

        return _cues;
    }

    /// <summary>The cue sets of <paramref name="bits"/> token k is in, without computing the other tokens' sets.</summary>
    public int CueAt(CueLexicon lexicon, int k, int bits) => _cues is { } cues ? cues[k] & bits : lexicon.Mask(tokens[k], bits);

    /// <summary>True when some token of the sentence is in one of the cue sets of <paramref name="bits"/>.</summary>
    public bool HasCue(CueLexicon lexicon, int bits)
    {
        Cues(lexicon);
        return (_anyCue & bits) != 0;
    }

    /// <summary>The first token in one of the cue sets of <paramref name="bits"/>, or -1.</summary>
    public int FirstCue(CueLexicon lexicon, int bits)
    {
        if (!HasCue(lexicon, bits))
        {
            return -1;
        }

        var cues = _cues!;
        for (var k = 0; k < cues.Length; k++)
        {
            if ((cues[k] & bits) != 0)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>True when a mention starting at <paramref name="start"/> (article offset) stands before a retraction ("In einer früheren Version ...").</summary>
    public bool IsRetracted(int start) => retractedBefore >= 0 && start - span.Start < retractedBefore;

    /// <summary>The token range [First, Last] that covers the characters [start, end) of the article.</summary>
    public static (int First, int Last) TokenRange(List<Token> tokens, int start, int end)
    {
        var first = -1;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Start >= start)
            {
                first = k;
                break;
            }
        }

        var last = -1;
        for (var k = tokens.Count - 1; k >= 0; k--)
        {
            if (tokens[k].End <= end)
            {
                last = k;
                break;
            }
        }

        return (Math.Max(first, 0), Math.Max(last, first));
    }
}
