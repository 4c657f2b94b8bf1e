using Extraction.Model;

namespace Extraction.Diff;

/// <summary>
/// What changed in records between two runs. <see cref="OutOfRun"/>: old records that would be removed,
/// but whose articles the newer run did not read (off the feed, deleted, or failed): no fact changed.
/// </summary>
public sealed record DiffResult(IReadOnlyList<ClaimRecord> Added, IReadOnlyList<ClaimRecord> Removed, IReadOnlyList<ChangedRecord> Changed)
{
    private static readonly IReadOnlyDictionary<string, string> NoFailures = new Dictionary<string, string>(StringComparer.Ordinal);

    private IReadOnlyList<ArticleDiff>? _articles;

    /// <summary>Old records whose every source article has no result in the newer run; not changes (see <see cref="HasChanges"/>).</summary>
    public IReadOnlyList<ClaimRecord> OutOfRun { get; init; } = [];

    /// <summary>Articles of <see cref="OutOfRun"/> records that failed in the newer run, with the reason (the others were not in it).</summary>
    public IReadOnlyDictionary<string, string> FailedArticles { get; init; } = NoFailures;

    /// <summary>True when anything was added, removed or changed; records out of run do not count.</summary>
    public bool HasChanges => Added.Count + Removed.Count + Changed.Count > 0;

    /// <summary>The same changes grouped by article: what changed in each article, articles in first-seen order (records out of run are no change of an article).</summary>
    public IReadOnlyList<ArticleDiff> Articles => _articles ??= ArticleDiff.Group(this);

    /// <summary>
    /// Moves the removed records none of whose source articles <paramref name="inNewRun"/> holds to
    /// <see cref="OutOfRun"/>; a removed record with a source in an article read again stays removed.
    /// </summary>
    public DiffResult SplitOutOfRun(Func<string, bool> inNewRun)
    {
        ArgumentNullException.ThrowIfNull(inNewRun);
        if (Removed.Count == 0)
        {
            return this;
        }

        var removed = new List<ClaimRecord>(Removed.Count);
        var outOfRun = new List<ClaimRecord>(OutOfRun);
        foreach (var r in Removed)
        {
            (r.Sources.Count > 0 && !r.Sources.Any(s => inNewRun(s.Article)) ? outOfRun : removed).Add(r);
        }

        return outOfRun.Count == OutOfRun.Count
            ? this
            : new DiffResult(Added, removed, Changed) { OutOfRun = outOfRun, FailedArticles = FailedArticles };
    }

    /// <summary>The same diff with the failure reasons of articles that failed in the newer run.</summary>
    public DiffResult WithFailedArticles(IReadOnlyDictionary<string, string> failed) =>
        new DiffResult(Added, Removed, Changed) { OutOfRun = OutOfRun, FailedArticles = failed };
}
