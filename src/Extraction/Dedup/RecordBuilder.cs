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
    /// <summary>A fact with its group key and value, computed once.</summary>
    private readonly record struct Entry(Fact Fact, string Key, decimal Min, decimal Max);

    /// <summary>Builds records from all facts of a run, ordered by first mention (article, then offset).</summary>
    public List<ClaimRecord> Build(IEnumerable<Fact> facts)
    {
        var actorKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = facts.Select(f => new Entry(f, GroupKey(f, actorKeys), Min(f), Max(f))).ToArray();
        AdoptActors(entries);

        // One sort puts every group's facts together in value order; a sweep then cuts clusters: a fact
        // joins the open cluster while it is close to the cluster's anchor (its smallest value), so the
        // clusters do not depend on input order and no fact is compared with more than its anchor.
        Array.Sort(entries, static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Key, b.Key);
            if (c == 0) { c = a.Min.CompareTo(b.Min); }
            if (c == 0) { c = a.Max.CompareTo(b.Max); }
            if (c == 0) { c = string.CompareOrdinal(a.Fact.Article, b.Fact.Article); }
            return c != 0 ? c : a.Fact.Start.CompareTo(b.Fact.Start);
        });
        var records = new List<(ClaimRecord Record, string Article, int Start)>();
        var begin = 0;
        for (var i = 1; i <= entries.Length; i++)
        {
            var anchor = entries[begin];
            if (i < entries.Length && entries[i].Key == anchor.Key && Close(anchor.Min, entries[i].Min) && Close(anchor.Max, entries[i].Max))
            {
                continue;
            }

            records.Add(ToRecord(anchor.Key, entries.AsSpan(begin, i - begin)));
            begin = i;
        }

        return records
            .OrderBy(r => r.Article, StringComparer.Ordinal).ThenBy(r => r.Start).ThenBy(r => r.Record.Id, StringComparer.Ordinal)
            .Select(r => r.Record)
            .ToList();
    }

    /// <summary>
    /// A fact without an actor joins the one actor group that states the same value (a headline
    /// repeating the body's figure); with none or several candidates it stays alone.
    /// </summary>
    private void AdoptActors(Entry[] entries)
    {
        // Per kind and currency (or unit): the distinct values that known actors state, sorted.
        var known = entries.Where(e => e.Fact.Actor is not null)
            .Select(e => (Slot: Slot(e.Fact), e.Min, e.Max, e.Key))
            .Distinct()
            .GroupBy(e => e.Slot, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Min).ToArray(), StringComparer.Ordinal);
        for (var n = 0; n < entries.Length; n++)
        {
            var e = entries[n];
            if (e.Fact.Actor is not null || !known.TryGetValue(Slot(e.Fact), out var same))
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

            string? owner = null;
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
                entries[n] = e with { Key = owner! };
            }
        }
    }

    // Kind and currency (or unit and model): the facts one null-actor fact may be compared with.
    private static string Slot(Fact f) => f.Kind == FactKind.Investment ? $"I|{f.Amount!.Currency}" : $"H|{f.Unit}|{f.Model}";

    private static decimal Min(Fact f) => f.Amount?.Min ?? f.Count!.Min;

    private static decimal Max(Fact f) => f.Amount?.Max ?? f.Count!.Max;

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

        return f.Kind == FactKind.Investment ? $"I|{actor}|{f.Amount!.Currency}" : $"H|{actor}|{f.Unit}|{f.Model}";
    }

    private bool Close(decimal x, decimal y) =>
        x == y || Math.Abs(x - y) <= (decimal)tolerance * Math.Max(Math.Abs(x), Math.Abs(y));

    private (ClaimRecord Record, string Article, int Start) ToRecord(string groupKey, ReadOnlySpan<Entry> cluster)
    {
        var facts = new List<Fact>(cluster.Length);
        foreach (var e in cluster)
        {
            facts.Add(e.Fact);
        }

        // The most specific statement wins: an exact figure over a rounded one, then the first mention.
        var byMention = facts.OrderBy(f => f.Article, StringComparer.Ordinal).ThenBy(f => f.Start).ToList();
        var best = byMention.OrderBy(Specificity).First();
        var actor = byMention.Select(f => f.Actor).FirstOrDefault(a => a is not null);
        var sources = byMention
            .GroupBy(f => (f.Article, f.Sentence))
            .Select(g => new Source(g.Key.Article, g.Key.Sentence, g.First().Text))
            .ToList();
        var anchor = facts[0];
        var id = Id(FormattableString.Invariant($"{groupKey}|{Min(anchor):0.###}|{Max(anchor):0.###}"));
        var record = new ClaimRecord(id, best.Kind, actor, best.Amount, best.Count, best.Unit, best.Model, sources, facts.Count);
        return (record, byMention[0].Article, byMention[0].Start);
    }

    private static int Specificity(Fact f)
    {
        var q = f.Amount?.Qualifier ?? f.Count!.Qualifier;
        return q == Qualifier.Exact ? 0 : 1;
    }

    /// <summary>Twelve hex digits of SHA-256 over the claim key.</summary>
    internal static string Id(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexString(hash, 0, 6).ToLowerInvariant();
    }
}
