using Extraction.Model;

namespace Extraction.Diff;

/// <summary>One field that differs between two versions of a record.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>A record present in both runs whose fields differ.</summary>
public sealed record ChangedRecord(ClaimRecord Old, ClaimRecord New, IReadOnlyList<FieldChange> Changes);

/// <summary>What changed in records between two runs.</summary>
public sealed record DiffResult(IReadOnlyList<ClaimRecord> Added, IReadOnlyList<ClaimRecord> Removed, IReadOnlyList<ChangedRecord> Changed)
{
    public bool HasChanges => Added.Count + Removed.Count + Changed.Count > 0;
}

/// <summary>
/// Compares two record sets: by id first; then an unmatched old and new record of the same kind,
/// actor and currency (or unit) whose values are within 10% are one claim whose value changed.
/// </summary>
public static class RecordDiff
{
    /// <summary>Computes the difference; ordering follows the new run, then the old.</summary>
    public static DiffResult Compare(IReadOnlyList<ClaimRecord> oldRecords, IReadOnlyList<ClaimRecord> newRecords)
    {
        var oldById = oldRecords.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newById = newRecords.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changed = new List<ChangedRecord>();
        var added = new List<ClaimRecord>();
        foreach (var n in newById.Values)
        {
            if (oldById.TryGetValue(n.Id, out var o))
            {
                var changes = Fields(o, n);
                if (changes.Count > 0)
                {
                    changed.Add(new ChangedRecord(o, n, changes));
                }
            }
            else
            {
                added.Add(n);
            }
        }

        var removed = oldById.Values.Where(o => !newById.ContainsKey(o.Id)).ToList();

        // A revised figure gets a new id; pair it with the record it revises.
        foreach (var n in added.ToList())
        {
            var o = removed.FirstOrDefault(r => SameClaimFamily(r, n));
            if (o is not null)
            {
                removed.Remove(o);
                added.Remove(n);
                changed.Add(new ChangedRecord(o, n, Fields(o, n)));
            }
        }

        return new DiffResult(added, removed, changed);
    }

    private static bool SameClaimFamily(ClaimRecord a, ClaimRecord b)
    {
        if (a.Kind != b.Kind || a.Actor != b.Actor)
        {
            return false;
        }

        if (a.Kind == FactKind.Investment)
        {
            return a.Amount!.Currency == b.Amount!.Currency && Near(a.Amount.Min, b.Amount.Min) && Near(a.Amount.Max, b.Amount.Max)
                && a.Sources.Select(s => s.Article).Intersect(b.Sources.Select(s => s.Article)).Any();
        }

        return a.Unit == b.Unit && Near(a.Count!.Min, b.Count!.Min) && a.Sources.Select(s => s.Article).Intersect(b.Sources.Select(s => s.Article)).Any();
    }

    private static bool Near(decimal x, decimal y) => Math.Abs(x - y) <= 0.1m * Math.Max(Math.Abs(x), Math.Abs(y));

    /// <summary>The fields that differ between two versions of a record.</summary>
    public static List<FieldChange> Fields(ClaimRecord o, ClaimRecord n)
    {
        var list = new List<FieldChange>();
        void Check(string field, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                list.Add(new FieldChange(field, a, b));
            }
        }

        Check("actor", o.Actor, n.Actor);
        Check("amount", Describe(o.Amount), Describe(n.Amount));
        Check("count", Describe(o.Count), Describe(n.Count));
        Check("unit", o.Unit, n.Unit);
        Check("model", o.Model, n.Model);
        Check("mentions", o.Mentions.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Mentions.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Check("sources", string.Join("; ", o.Sources.Select(s => s.Article).Distinct()), string.Join("; ", n.Sources.Select(s => s.Article).Distinct()));
        return list;
    }

    /// <summary>"80000000000 USD (about)"; ranges as "16000000000-18000000000".</summary>
    public static string? Describe(Amount? a) => a is null ? null
        : FormattableString.Invariant($"{Output.JsonFormats.Normalize(a.Min)}{(a.Max != a.Min ? "-" + Output.JsonFormats.Normalize(a.Max).ToString(System.Globalization.CultureInfo.InvariantCulture) : "")} {a.Currency} ({ContractNames.Of(a.Qualifier)})");

    /// <summary>"100000 (about)".</summary>
    public static string? Describe(Count? c) => c is null ? null
        : FormattableString.Invariant($"{c.Min}{(c.Max != c.Min ? "-" + c.Max.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")} ({ContractNames.Of(c.Qualifier)})");
}
