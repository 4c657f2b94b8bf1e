using System.Security.Cryptography;
using System.Text;
using Extraction.Facts;
using Extraction.Model;

namespace Extraction.Dedup;

/// <summary>
/// Merges facts that state the same claim into records. Same claim: same kind, same actor group
/// (a company and its parent, the EU and its bodies), same currency or unit, and amounts equal
/// within a rounding tolerance. Facts are bucketed by kind, currency/unit and magnitude, so no fact
/// is compared with every other. Ids hash the claim's key, so they do not depend on input order.
/// </summary>
public sealed class RecordBuilder(ActorGazetteer actors, double tolerance = 0.02)
{
    /// <summary>A table for the facts of a run, keyed by this builder's claim keys; it spills to <paramref name="spillFolder"/> (null: memory).</summary>
    public FactTable CreateTable(string? spillFolder = null)
    {
        var actorKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        return new FactTable(f => GroupKey(f, actorKeys), spillFolder);
    }

    /// <summary>Builds records from all facts of a run, ordered by first mention (article, then offset).</summary>
    public List<ClaimRecord> Build(IEnumerable<Fact> facts)
    {
        using var table = CreateTable();
        table.AddRange(facts);
        return Build(table).ToList();
    }

    /// <summary>
    /// Builds the records of a table one at a time, ordered by first mention (article, then offset),
    /// reading each record's facts back from the spill file; memory holds the entries and at most two
    /// batches of records. The table's entries are reordered.
    /// </summary>
    public IEnumerable<ClaimRecord> Build(FactTable table) => Build(table, static r => r);

    /// <summary>
    /// <see cref="Build(FactTable)"/> with each record turned into what the caller writes (its JSON
    /// line, say) by <paramref name="project"/>, which runs on the cores that build the records.
    /// </summary>
    public IEnumerable<T> Build<T>(FactTable table, Func<ClaimRecord, T> project)
    {
        var (order, clusters) = Clusters(table);

        // Reading a record's facts back is most of the work: records are made a batch at a time on
        // every core, the next batch while the caller writes this one, and handed out in order. A
        // batch holds at most a few thousand facts, so memory holds about what two large records need.
        table.BeginReading();
        using var batches = Batches(clusters).GetEnumerator();
        Task<T[]>? Next()
        {
            if (!batches.MoveNext())
            {
                return null;
            }

            var range = batches.Current;
            return Task.Run(() => MakeBatch(table, order, clusters, range, project));
        }

        var next = Next();
        try
        {
            while (next is not null)
            {
                var batch = next.GetAwaiter().GetResult();
                next = Next();
                foreach (var item in batch)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            // The caller stopped early (or a batch failed): the batch under way ends before the table is disposed.
            next?.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
        }
    }

    // Consecutive clusters, at most MaxBatchRecords of them and (unless one alone is larger) MaxBatchFacts facts.
    private static IEnumerable<(int First, int Count)> Batches(List<Cluster> clusters)
    {
        for (var start = 0; start < clusters.Count;)
        {
            var first = start;
            var facts = 0;
            while (start < clusters.Count && start - first < MaxBatchRecords && (start == first || facts + clusters[start].Length <= MaxBatchFacts))
            {
                facts += clusters[start++].Length;
            }

            yield return (first, start - first);
        }
    }

    private T[] MakeBatch<T>(FactTable table, int[] order, List<Cluster> clusters, (int First, int Count) range, Func<ClaimRecord, T> project)
    {
        var batch = new T[range.Count];
        try
        {
            Parallel.For(0, range.Count, k =>
            {
                var c = clusters[range.First + k];
                var read = new List<Fact>(c.Length);
                for (var i = c.Begin; i < c.Begin + c.Length; i++)
                {
                    read.Add(table.Read(table.At(order[i])));
                }

                batch[k] = project(ToRecord(c.Id, read));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // The first failure as itself (a spill file read error), as the one-at-a-time loop threw it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return batch;
    }

    private const int MaxBatchRecords = 256;
    private const int MaxBatchFacts = 4096;

    /// <summary>A run of sorted entries that states one claim, with its id and first mention.</summary>
    private readonly record struct Cluster(int Begin, int Length, int FirstArticle, int FirstStart, string Id);

    // The entries' order (an index into the table, 4 bytes a fact) and the clusters cut from it.
    private (int[] Order, List<Cluster> Clusters) Clusters(FactTable table)
    {
        var keyRank = Ranks(table.Keys);
        var articleRank = Ranks(table.Articles);
        AdoptActors(table);

        // One sort puts every group's facts together in value order; a sweep then cuts clusters: a fact
        // joins the open cluster while it is close to the cluster's anchor (its smallest value), so the
        // clusters do not depend on input order and no fact is compared with more than its anchor.
        var order = new int[table.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            ref readonly var a = ref table.At(x);
            ref readonly var b = ref table.At(y);
            var c = keyRank[a.Key].CompareTo(keyRank[b.Key]);
            if (c == 0) { c = a.Min.CompareTo(b.Min); }
            if (c == 0) { c = a.Max.CompareTo(b.Max); }
            if (c == 0) { c = articleRank[a.Article].CompareTo(articleRank[b.Article]); }
            return c != 0 ? c : a.Start.CompareTo(b.Start);
        });
        var clusters = new List<Cluster>();
        var begin = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            ref readonly var anchor = ref table.At(order[begin]);
            if (i < order.Length)
            {
                ref readonly var next = ref table.At(order[i]);
                if (next.Key == anchor.Key && Close(anchor.Min, next.Min) && Close(anchor.Max, next.Max))
                {
                    continue;
                }
            }

            var (firstArticle, firstStart) = (int.MaxValue, int.MaxValue);
            for (var k = begin; k < i; k++)
            {
                ref readonly var e = ref table.At(order[k]);
                if (articleRank[e.Article] < firstArticle || (articleRank[e.Article] == firstArticle && e.Start < firstStart))
                {
                    (firstArticle, firstStart) = (articleRank[e.Article], e.Start);
                }
            }

            var id = Id(FormattableString.Invariant($"{table.Keys[anchor.Key]}|{anchor.Min:0.###}|{anchor.Max:0.###}"));
            clusters.Add(new Cluster(begin, i - begin, firstArticle, firstStart, id));
            begin = i;
        }

        clusters.Sort(static (a, b) =>
        {
            var c = a.FirstArticle.CompareTo(b.FirstArticle);
            if (c == 0) { c = a.FirstStart.CompareTo(b.FirstStart); }
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        });
        return (order, clusters);
    }

    // The position of each name in ordinal order: comparing ranks orders as comparing the names.
    private static int[] Ranks(List<string> names)
    {
        var order = Enumerable.Range(0, names.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(names[a], names[b]));
        var rank = new int[names.Count];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        return rank;
    }

    /// <summary>
    /// A fact without an actor joins the one actor group that states the same value (a headline
    /// repeating the body's figure); with none or several candidates it stays alone.
    /// </summary>
    private void AdoptActors(FactTable table)
    {
        var slotOf = table.KeySlot;
        var hasActor = table.KeyHasActor;
        // Per kind and currency (or unit): the distinct values that known actors state, sorted.
        var distinct = new HashSet<(int Slot, decimal Min, decimal Max, int Key)>();
        for (var n = 0; n < table.Count; n++)
        {
            ref readonly var e = ref table.At(n);
            if (hasActor[e.Key])
            {
                distinct.Add((slotOf[e.Key], e.Min, e.Max, e.Key));
            }
        }

        var known = distinct
            .GroupBy(e => e.Slot)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Min).ThenBy(e => e.Max).ThenBy(e => e.Key).ToArray());
        for (var n = 0; n < table.Count; n++)
        {
            ref var e = ref table.At(n);
            if (hasActor[e.Key] || !known.TryGetValue(slotOf[e.Key], out var same))
            {
                continue;
            }

            var low = e.Min * (1 - (decimal)tolerance);
            var lo = 0;
            var hi = same.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (same[mid].Min < low)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            var owner = -1;
            var owners = 0;
            for (var i = lo; i < same.Length && same[i].Min <= e.Min * (1 + (decimal)tolerance) && owners < 2; i++)
            {
                if (Close(same[i].Min, e.Min) && Close(same[i].Max, e.Max) && same[i].Key != owner)
                {
                    owner = same[i].Key;
                    owners++;
                }
            }

            if (owners == 1)
            {
                e.Key = owner;
            }
        }
    }

    private string ActorKey(string? actor)
    {
        if (actor is null)
        {
            return "?";
        }

        var names = SplitActors(actor).Select(a => actors.GroupOf(a)).Distinct().Order(StringComparer.Ordinal);
        return string.Join("+", names);
    }

    internal static IEnumerable<string> SplitActors(string actor) =>
        actor.Replace(" und ", ", ", StringComparison.Ordinal).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Facts that may state one claim: same kind, actor group, currency (or unit and model).
    private string GroupKey(Fact f, Dictionary<string, string> actorKeys)
    {
        var actor = "?";
        if (f.Actor is not null && !actorKeys.TryGetValue(f.Actor, out actor))
        {
            actor = ActorKey(f.Actor);
            actorKeys[f.Actor] = actor;
        }

        return f.Kind == FactKind.Investment ? $"I|{actor}|{f.Amount!.Currency}" : $"H|{actor}|{f.Unit}|{f.HardwareModel}";
    }

    private bool Close(decimal x, decimal y) =>
        x == y || Math.Abs(x - y) <= (decimal)tolerance * Math.Max(Math.Abs(x), Math.Abs(y));

    private static ClaimRecord ToRecord(string id, List<Fact> facts)
    {
        // The most specific statement wins: an exact figure over a rounded one, then the first mention.
        var byMention = facts.OrderBy(f => f.Article, StringComparer.Ordinal).ThenBy(f => f.Start).ToList();
        var best = byMention.OrderBy(Specificity).First();
        var actor = byMention.Select(f => f.Actor).FirstOrDefault(a => a is not null);
        var sources = byMention
            .GroupBy(f => (f.Article, f.Sentence))
            .Select(g => new Source(g.Key.Article, g.Key.Sentence, g.First().Text))
            .ToList();
        return new ClaimRecord(id, best.Kind, actor, best.Amount, best.Count, best.Unit, best.HardwareModel, sources, facts.Count);
    }

    private static int Specificity(Fact f)
    {
        var q = f.Amount?.Qualifier ?? f.Count!.Qualifier;
        return q == Qualifier.Exact ? 0 : 1;
    }

    /// <summary>
    /// Version of how record ids are made (<see cref="Id"/> over the claim key). Diffs pair records
    /// by id across runs, also runs stored by an earlier release: changing the scheme makes every
    /// record of an older run show as removed and added again. So a change is a step of its own: this
    /// number goes up, tests/Extraction.Tests/Dedup/record-ids.v{n}.tsv pins the new ids of the
    /// samples, and the README's note on record ids says from which release on they differ.
    /// </summary>
    public const int IdScheme = 1;

    /// <summary>Twelve hex digits of SHA-256 over the claim key.</summary>
    internal static string Id(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexString(hash, 0, 6).ToLowerInvariant();
    }
}
