using Extraction.Model;

namespace Extraction.Diff;

/// <summary>One field that differs between two versions of a record, in base units ("3200000000", "EUR", "about").</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>How an old and a new record were found to be the same claim.</summary>
public enum PairedBy
{
    /// <summary>The same record id in both runs.</summary>
    Id,

    /// <summary>A shared source: the same article and the same or a nearly identical sentence, or the same mention offset.</summary>
    Source,

    /// <summary>A revised figure: same kind, actor and currency (or unit), value within 10%, a shared article.</summary>
    Revision,
}

/// <summary>
/// An old and a new version of one claim whose fields differ. <see cref="Partial"/>: one side is a
/// record that also stays (by id) in the other run, and only some of its sentences moved to (or came
/// from) the other side, e.g. one of two sentences edited from "Milliarden" to "Millionen"; such a
/// pair's change is the claim's fields, in the articles the two sides share.
/// </summary>
public sealed record ChangedRecord(ClaimRecord Old, ClaimRecord New, IReadOnlyList<FieldChange> Changes, PairedBy By = PairedBy.Id, bool Partial = false)
{
    /// <summary>Fields that only say where the claim was seen.</summary>
    public static bool IsSourceField(string field) => field is RecordDiff.Mentions or RecordDiff.Sources;

    /// <summary>True when the claim itself is the same and only its sources (or mention count) changed.</summary>
    public bool SourcesOnly => Changes.All(c => IsSourceField(c.Field));

    /// <summary>Articles that stopped being a source of the claim.</summary>
    public IEnumerable<string> LostArticles => RecordDiff.Articles(Old).Except(RecordDiff.Articles(New), StringComparer.Ordinal);

    /// <summary>Articles that became a source of the claim.</summary>
    public IEnumerable<string> GainedArticles => RecordDiff.Articles(New).Except(RecordDiff.Articles(Old), StringComparer.Ordinal);

    /// <summary>The articles in which the claim as read changed: both sides' (only the shared ones for a partial pair).</summary>
    public IEnumerable<string> ChangedArticles => Partial
        ? RecordDiff.Articles(New).Intersect(RecordDiff.Articles(Old), StringComparer.Ordinal)
        : RecordDiff.Articles(New).Union(RecordDiff.Articles(Old), StringComparer.Ordinal);
}

/// <summary>What changed in records between two runs.</summary>
public sealed record DiffResult(IReadOnlyList<ClaimRecord> Added, IReadOnlyList<ClaimRecord> Removed, IReadOnlyList<ChangedRecord> Changed)
{
    private IReadOnlyList<ArticleDiff>? _articles;

    /// <summary>True when anything was added, removed or changed.</summary>
    public bool HasChanges => Added.Count + Removed.Count + Changed.Count > 0;

    /// <summary>The same changes grouped by article: what changed in each article, articles in first-seen order.</summary>
    public IReadOnlyList<ArticleDiff> Articles => _articles ??= ArticleDiff.Group(this);
}
