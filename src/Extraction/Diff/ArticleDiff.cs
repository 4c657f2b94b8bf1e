
namespace Extraction.Diff;

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
