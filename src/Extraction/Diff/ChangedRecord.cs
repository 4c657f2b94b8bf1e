using Extraction.Model;

namespace Extraction.Diff;

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
