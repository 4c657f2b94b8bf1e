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
    /// <summary>Builds records from all facts of a run, ordered by first mention (article, then offset).</summary>
    public List<ClaimRecord> Build(IEnumerable<Fact> facts)
    {
        var records = new List<(ClaimRecord Record, string Article, int Start)>();
        var all = facts as IReadOnlyList<Fact> ?? facts.ToList();
        var keys = AdoptActors(all);
        foreach (var group in all.GroupBy(f => keys[f], StringComparer.Ordinal))
        {
            // Sweep the group in value order; a fact joins the open cluster while it is close to the
            // cluster's anchor (its smallest value), so the clusters do not depend on input order.
            var sorted = group
                .OrderBy(f => Min(f)).ThenBy(f => Max(f))
                .ThenBy(f => f.Article, StringComparer.Ordinal).ThenBy(f => f.Start)
                .ToList();
            var cluster = new List<Fact>();
            foreach (var f in sorted)
            {
                if (cluster.Count > 0 && !(Close(Min(cluster[0]), Min(f)) && Close(Max(cluster[0]), Max(f))))
                {
                    records.Add(ToRecord(group.Key, cluster));
                    cluster = [];
                }

                cluster.Add(f);
            }

            if (cluster.Count > 0)
            {
                records.Add(ToRecord(group.Key, cluster));
            }
        }

        return records
            .OrderBy(r => r.Article, StringComparer.Ordinal).ThenBy(r => r.Start).ThenBy(r => r.Record.Id, StringComparer.Ordinal)
            .Select(r => r.Record)
            .ToList();
    }

    /// <summary>
    /// Group keys, where a fact without an actor joins the one actor group that states the same
    /// value (a headline repeating the body's figure); with none or several candidates it stays alone.
    /// </summary>
    private Dictionary<Fact, string> AdoptActors(IReadOnlyList<Fact> facts)
    {
        var keys = new Dictionary<Fact, string>(ReferenceEqualityComparer.Instance);
        var known = facts.Where(f => f.Actor is not null)
            .GroupBy(Slot, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(Min).ToArray(), StringComparer.Ordinal);
        foreach (var f in facts)
        {
            var key = GroupKey(f);
            if (f.Actor is null && known.TryGetValue(Slot(f), out var same))
            {
                // Sorted by value: only the neighbours within the tolerance are looked at.
                var low = Min(f) * (1 - (decimal)tolerance);
                var lo = 0;
                var hi = same.Length;
                while (lo < hi)
                {
                    var mid = (lo + hi) / 2;
                    if (Min(same[mid]) < low)
                    {
                        lo = mid + 1;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                var owners = new HashSet<string>(StringComparer.Ordinal);
                for (var i = lo; i < same.Length && Min(same[i]) <= Min(f) * (1 + (decimal)tolerance) && owners.Count < 2; i++)
                {
                    if (Close(Min(same[i]), Min(f)) && Close(Max(same[i]), Max(f)))
                    {
                        owners.Add(GroupKey(same[i]));
                    }
                }

                if (owners.Count == 1)
                {
                    key = owners.First();
                }
            }

            keys[f] = key;
        }

        return keys;
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
    private string GroupKey(Fact f) => f.Kind == FactKind.Investment
        ? $"I|{ActorKey(f.Actor)}|{f.Amount!.Currency}"
        : $"H|{ActorKey(f.Actor)}|{f.Unit}|{f.Model}";

    private bool Close(decimal x, decimal y) =>
        x == y || Math.Abs(x - y) <= (decimal)tolerance * Math.Max(Math.Abs(x), Math.Abs(y));

    private (ClaimRecord Record, string Article, int Start) ToRecord(string groupKey, List<Fact> facts)
    {
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
