using Extraction.Model;

namespace Extraction.Diff;

/// <summary>
/// Pairs records that were read from the same place: an old and a new record one of which is
/// unmatched (removed or added) and which share a source, meaning the same article and the same or a
/// nearly identical sentence (<see cref="SentenceMatch"/>), or the same mention offset. A record kept
/// by id takes part with the sentences it lost (or gained) only, so when one of its sentences is edited
/// into another figure, the edit still pairs. The closest pairs are taken first: closest sentence,
/// then fewest changed fields, then the same mention text.
/// </summary>
internal static class SourcePairing
{
    private sealed record Side(ClaimRecord Record, IReadOnlyList<Source> Sources, bool Unmatched, int Order);

    public static List<(ClaimRecord Old, ClaimRecord New)> Pair(
        IReadOnlyList<ClaimRecord> added,
        IReadOnlyList<ClaimRecord> removed,
        IReadOnlyList<(ClaimRecord Old, ClaimRecord New)> sameId,
        MentionOffsets? oldOffsets,
        MentionOffsets? newOffsets)
    {
        var olds = removed.Select((r, i) => new Side(r, r.Sources, true, i)).ToList();
        var news = added.Select((r, i) => new Side(r, r.Sources, true, i)).ToList();
        var touched = olds.Concat(news).SelectMany(s => s.Sources).Select(s => s.Article).ToHashSet(StringComparer.Ordinal);
        foreach (var (o, n) in sameId)
        {
            if (!o.Sources.Concat(n.Sources).Any(s => touched.Contains(s.Article)))
            {
                continue;
            }

            if (SameSentences(o.Sources, n.Sources))
            {
                continue;
            }

            var lost = Moved(o.Sources, n.Sources, touched);
            if (lost.Count > 0)
            {
                olds.Add(new Side(o, lost, false, olds.Count));
            }

            var gained = Moved(n.Sources, o.Sources, touched);
            if (gained.Count > 0)
            {
                news.Add(new Side(n, gained, false, news.Count));
            }
        }

        var oldByArticle = olds.SelectMany(side => side.Sources.Select(s => (s.Article, side)))
            .GroupBy(x => x.Article, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.side).Distinct().ToList(), StringComparer.Ordinal);

        var candidates = new List<(Side Old, Side New, int Distance, int Fields, int Text)>();
        foreach (var n in news)
        {
            var seen = new HashSet<Side>(ReferenceEqualityComparer.Instance);
            foreach (var article in n.Sources.Select(s => s.Article).Distinct(StringComparer.Ordinal))
            {
                if (!oldByArticle.TryGetValue(article, out var sides))
                {
                    continue;
                }

                foreach (var o in sides)
                {
                    if ((!o.Unmatched && !n.Unmatched) || ReferenceEquals(o.Record, n.Record) || !seen.Add(o))
                    {
                        continue;
                    }

                    if (Closest(o.Sources, n.Sources, oldOffsets, newOffsets) is { } match)
                    {
                        var fields = RecordDiff.ClaimFields(o.Record, n.Record).Count;
                        candidates.Add((o, n, match.Distance, fields, match.SameText ? 0 : 1));
                    }
                }
            }
        }

        var usedOld = new HashSet<ClaimRecord>(ReferenceEqualityComparer.Instance);
        var usedNew = new HashSet<ClaimRecord>(ReferenceEqualityComparer.Instance);
        var pairs = new List<(ClaimRecord, ClaimRecord)>();
        foreach (var c in candidates.OrderBy(c => c.Distance).ThenBy(c => c.Fields).ThenBy(c => c.Text).ThenBy(c => c.New.Order).ThenBy(c => c.Old.Order))
        {
            if (usedOld.Contains(c.Old.Record) || usedNew.Contains(c.New.Record))
            {
                continue;
            }

            usedOld.Add(c.Old.Record);
            usedNew.Add(c.New.Record);
            pairs.Add((c.Old.Record, c.New.Record));
        }

        return pairs;
    }

    // Sentences of one version the other version no longer has, not even lightly edited: those moved
    // to (or came from) another record.
    // Only sentences of articles with an unmatched record can pair, so only those are looked at.
    private static List<Source> Moved(IReadOnlyList<Source> from, IReadOnlyList<Source> to, HashSet<string> touched)
    {
        var moved = new List<Source>();
        foreach (var s in from)
        {
            if (touched.Contains(s.Article)
                && !to.Any(t => t.Article == s.Article && (t.Sentence == s.Sentence || SentenceMatch.Distance(s.Sentence, t.Sentence) is not null)))
            {
                moved.Add(s);
            }
        }

        return moved;
    }

    // The common case, a record read from the same sentences in both runs, without hashing them.
    private static bool SameSentences(IReadOnlyList<Source> a, IReadOnlyList<Source> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Article, b[i].Article, StringComparison.Ordinal) || !string.Equals(a[i].Sentence, b[i].Sentence, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static (int Distance, bool SameText)? Closest(
        IReadOnlyList<Source> olds, IReadOnlyList<Source> news, MentionOffsets? oldOffsets, MentionOffsets? newOffsets)
    {
        (int Distance, bool SameText)? best = null;
        foreach (var o in olds)
        {
            foreach (var n in news)
            {
                if (!string.Equals(o.Article, n.Article, StringComparison.Ordinal))
                {
                    continue;
                }

                var d = SentenceMatch.Distance(o.Sentence, n.Sentence);
                if (d is null && oldOffsets is not null && newOffsets is not null && oldOffsets.Of(o).Intersect(newOffsets.Of(n)).Any())
                {
                    d = 0;
                }

                if (d is { } distance && (best is null || distance < best.Value.Distance || (distance == best.Value.Distance && o.Text == n.Text)))
                {
                    best = (distance, o.Text == n.Text);
                }
            }
        }

        return best;
    }
}
