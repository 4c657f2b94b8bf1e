using Extraction.Model;

namespace Extraction.Diff;

/// <summary>
/// Where a run's mentions start in their article, looked up by a record's source (article, sentence,
/// mention text): records carry no offsets, the facts they were built from do.
/// </summary>
public sealed class MentionOffsets
{
    private readonly Dictionary<(string Article, string Sentence, string Text), List<int>> _offsets = [];

    /// <summary>Indexes the facts of one run; only <paramref name="articles"/> when given.</summary>
    public static MentionOffsets From(IEnumerable<Fact> facts, IReadOnlySet<string>? articles = null)
    {
        var m = new MentionOffsets();
        foreach (var f in facts)
        {
            if (articles is not null && !articles.Contains(f.Article))
            {
                continue;
            }

            var key = (f.Article, f.Sentence, f.Text);
            if (!m._offsets.TryGetValue(key, out var list))
            {
                m._offsets[key] = list = [];
            }

            if (!list.Contains(f.Start))
            {
                list.Add(f.Start);
            }
        }

        return m;
    }

    /// <summary>The offsets of a source's mention (empty when unknown).</summary>
    public IReadOnlyList<int> Of(Source s) => _offsets.TryGetValue((s.Article, s.Sentence, s.Text), out var list) ? list : [];
}
