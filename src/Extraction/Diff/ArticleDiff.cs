using Extraction.Model;

namespace Extraction.Diff;

/// <summary>What a change means for one article.</summary>
public enum EntryChange
{
    /// <summary>A new claim read from this article.</summary>
    Added,

    /// <summary>A claim no longer read from this article (the record is gone).</summary>
    Removed,

    /// <summary>The claim read from this article changed (value, currency, qualifier, actor, kind, unit or model).</summary>
    Changed,

    /// <summary>An existing claim that this article now also states.</summary>
    SourceGained,

    /// <summary>A claim that stays, but no longer with this article as a source.</summary>
    SourceLost,
}

/// <summary>One record's change as seen from one article; <see cref="Pair"/> is set for changed records.</summary>
public sealed record ArticleEntry(EntryChange Change, ClaimRecord Record, ChangedRecord? Pair);

/// <summary>Everything that changed in one article.</summary>
public sealed record ArticleDiff(string Article, IReadOnlyList<ArticleEntry> Entries)
{
    /// <summary>Groups a diff by article. A changed claim counts for every article it was read from (before or after);
    /// a change of sources only for the articles gained or lost.</summary>
    public static IReadOnlyList<ArticleDiff> Group(DiffResult d)
    {
        var byArticle = new Dictionary<string, List<ArticleEntry>>(StringComparer.Ordinal);
        void Add(string article, ArticleEntry e)
        {
            if (!byArticle.TryGetValue(article, out var list))
            {
                byArticle[article] = list = [];
            }

            if (!list.Any(x => ReferenceEquals(x.Record, e.Record) && x.Change == e.Change))
            {
                list.Add(e);
            }
        }

        foreach (var c in d.Changed)
        {
            if (c.SourcesOnly)
            {
                foreach (var a in c.GainedArticles)
                {
                    Add(a, new ArticleEntry(EntryChange.SourceGained, c.New, c));
                }

                foreach (var a in c.LostArticles)
                {
                    Add(a, new ArticleEntry(EntryChange.SourceLost, c.New, c));
                }
            }
            else
            {
                foreach (var a in c.ChangedArticles)
                {
                    Add(a, new ArticleEntry(EntryChange.Changed, c.New, c));
                }
            }
        }

        foreach (var r in d.Added)
        {
            foreach (var a in RecordDiff.Articles(r))
            {
                Add(a, new ArticleEntry(EntryChange.Added, r, null));
            }
        }

        foreach (var r in d.Removed)
        {
            foreach (var a in RecordDiff.Articles(r))
            {
                Add(a, new ArticleEntry(EntryChange.Removed, r, null));
            }
        }

        return byArticle.Select(kv => new ArticleDiff(kv.Key, kv.Value)).ToList();
    }
}
