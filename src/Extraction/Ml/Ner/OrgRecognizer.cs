using System.Text.RegularExpressions;
using Extraction.Pipeline;

namespace Extraction.Ml.Ner;

/// <summary>An organisation name found in a text: its characters [Start, End) and the name.</summary>
public readonly record struct OrgSpan(int Start, int End, string Name);

/// <summary>
/// The German organisation recogniser: splits a sentence into GermEval-like tokens (words, with
/// inner hyphens, dots and ampersands, and single punctuation marks), tags them with the shipped
/// <see cref="OrgModel"/> and returns the ORG spans. Loaded once; tagging a sentence allocates only
/// its feature lists.
/// </summary>
public sealed partial class OrgRecognizer(OrgModel model, OrgFeatures features)
{
    /// <summary>The model behind the recogniser.</summary>
    public OrgModel Model => model;

    /// <summary>The shipped (or given folder's) recogniser, or null when the store has no org model.</summary>
    public static OrgRecognizer? TryLoad(ModelFiles store) =>
        store.Exists(OrgModel.FileName) ? new OrgRecognizer(OrgModel.Parse(store.ReadText(OrgModel.FileName)), OrgFeatures.Load(store)) : null;

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-&.'’][\p{L}\p{N}]+)*|\S", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    /// <summary>ORG spans (first and last token index) of a sentence given as tokens.</summary>
    public List<(int First, int Last)> Tag(IReadOnlyList<string> tokens) => GermEvalReader.Spans(model.Tag(features.Of(tokens)));

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
        foreach (var (first, last) in GermEvalReader.Spans(model.Tag(features.Of(tokens))))
        {
            var start = matches[first].Index;
            var end = matches[last].Index + matches[last].Length;
            spans.Add(new OrgSpan(start, end, text[start..end]));
        }

        return spans;
    }
}
