using System.Text.RegularExpressions;
using Extraction.Pipeline;

namespace Extraction.Ml.Ner;

/// <summary>
/// The German organisation recogniser: splits a sentence into GermEval-like tokens (words, with
/// inner hyphens, dots and ampersands, and single punctuation marks), tags them with the shipped
/// <see cref="OrgModel"/> and returns the outer ORG spans. Loaded once; thread-safe.
/// </summary>
public sealed partial class OrgRecognizer(OrgModel model, IReadOnlySet<string> gazetteerWords)
{
    [ThreadStatic]
    private static FeatureBuffer? t_buffer;

    private readonly OrgFeatures _features = new(gazetteerWords, model.Lowercase, model.Clusters);

    /// <summary>The model behind the recogniser.</summary>
    public OrgModel Model => model;

    /// <summary>The shipped (or given folder's) recogniser, or null when the store has no org model.</summary>
    public static OrgRecognizer? TryLoad(ModelFiles store) =>
        store.Exists(OrgModel.FileName)
            ? new OrgRecognizer(OrgModel.Parse(store.ReadText(OrgModel.FileName), store.Exists(WordClusters.FileName) ? WordClusters.Parse(store.ReadText(WordClusters.FileName)) : null), GazetteerWords(store))
            : null;

    /// <summary>The organisation-name words of the store's actor gazetteer (models/actors.tsv), a feature of the tagger.</summary>
    public static HashSet<string> GazetteerWords(ModelFiles store) =>
        store.Exists("actors.tsv") ? OrgFeatures.GazetteerWords(store.ReadLines("actors.tsv")) : new HashSet<string>(StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-&.'’][\p{L}\p{N}]+)*|\S", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    /// <summary>ORG spans (first and last token index) of a sentence given as tokens.</summary>
    public List<(int First, int Last)> Tag(IReadOnlyList<string> tokens)
    {
        var buffer = t_buffer ??= new FeatureBuffer();
        _features.Of(tokens, buffer);
        return GermEvalReader.Spans(model.Tag(buffer));
    }

    /// <summary>The tokens of a text, as the recogniser splits them.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        foreach (var m in TokenPattern().EnumerateMatches(text))
        {
            tokens.Add(text.Substring(m.Index, m.Length));
        }

        return tokens;
    }

    /// <summary>Organisation names in one sentence (or any short text), in order.</summary>
    public List<OrgSpan> Find(string text)
    {
        var matches = TokenPattern().Matches(text);
        var tokens = new List<string>(matches.Count);
        foreach (Match m in matches)
        {
            tokens.Add(m.Value);
        }

        var spans = new List<OrgSpan>();
        foreach (var (first, last) in Tag(tokens))
        {
            var start = matches[first].Index;
            var end = matches[last].Index + matches[last].Length;
            spans.Add(new OrgSpan(start, end, text[start..end]));
        }

        return spans;
    }
}
