using Extraction.Model;

namespace Extraction.Diff;

/// <summary>What changed in records between two runs.</summary>
public sealed record DiffResult(IReadOnlyList<ClaimRecord> Added, IReadOnlyList<ClaimRecord> Removed, IReadOnlyList<ChangedRecord> Changed)
{
    private IReadOnlyList<ArticleDiff>? _articles;

    /// <summary>True when anything was added, removed or changed.</summary>
    public bool HasChanges => Added.Count + Removed.Count + Changed.Count > 0;

    /// <summary>The same changes grouped by article: what changed in each article, articles in first-seen order.</summary>
    public IReadOnlyList<ArticleDiff> Articles => _articles ??= ArticleDiff.Group(this);
}
