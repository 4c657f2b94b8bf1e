using System.Globalization;
using Extraction.Model;

namespace Extraction.Diff;

/// <summary>
/// Compares two record sets. An old and a new record are one claim when they have the same id; else
/// when they share a source (the same article and the same or a nearly identical sentence, or the
/// same mention offset), whatever the size of the change; else when the new one revises the old
/// one's figure (same kind, actor and currency or unit, value within 10%, a shared article).
/// </summary>
public static class RecordDiff
{
    /// <summary>Field names of <see cref="FieldChange"/>.</summary>
    public const string Kind = "kind", Actor = "actor", Value = "value", Currency = "currency", Qualifier = "qualifier",
        Unit = "unit", Model = "model", Mentions = "mentions", Sources = "sources";

    /// <summary>Computes the difference; changed records in the new run's order. Offsets, when given, pair records by mention offset too.</summary>
    public static DiffResult Compare(
        IReadOnlyList<ClaimRecord> oldRecords,
        IReadOnlyList<ClaimRecord> newRecords,
        MentionOffsets? oldOffsets = null,
        MentionOffsets? newOffsets = null)
    {
        var oldById = new Dictionary<string, ClaimRecord>(StringComparer.Ordinal);
        foreach (var r in oldRecords)
        {
            oldById.TryAdd(r.Id, r);
        }

        var newOrder = new Dictionary<ClaimRecord, int>(ReferenceEqualityComparer.Instance);
        var newById = new Dictionary<string, ClaimRecord>(StringComparer.Ordinal);
        foreach (var r in newRecords)
        {
            if (newById.TryAdd(r.Id, r))
            {
                newOrder[r] = newOrder.Count;
            }
        }

        var changed = new List<ChangedRecord>();
        var sameId = new List<(ClaimRecord Old, ClaimRecord New)>();
        var added = new List<ClaimRecord>();
        foreach (var n in newById.Values)
        {
            if (oldById.TryGetValue(n.Id, out var o))
            {
                sameId.Add((o, n));
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

        if (added.Count > 0 || removed.Count > 0)
        {
            foreach (var (o, n) in SourcePairing.Pair(added, removed, sameId, oldOffsets, newOffsets))
            {
                // A record that stays by id and gave (or took) some sentences: its mentions and sources are
                // its by-id change; this pair is about the claim read from the moved sentences.
                var partial = newById.ContainsKey(o.Id) || oldById.ContainsKey(n.Id);
                changed.Add(new ChangedRecord(o, n, partial ? ClaimFields(o, n) : Fields(o, n), PairedBy.Source, partial));
                added.Remove(n);
                removed.Remove(o);
            }
        }

        // A revised figure gets a new id; pair it with the record it revises.
        foreach (var n in added.ToList())
        {
            var o = removed.FirstOrDefault(r => SameClaimFamily(r, n));
            if (o is not null)
            {
                removed.Remove(o);
                added.Remove(n);
                changed.Add(new ChangedRecord(o, n, Fields(o, n), PairedBy.Revision));
            }
        }

        changed = changed.Select((c, i) => (c, i)).OrderBy(x => newOrder[x.c.New]).ThenBy(x => x.i).Select(x => x.c).ToList();
        return new DiffResult(added, removed, changed);
    }

    /// <summary>The articles a record was read from, each once, in source order.</summary>
    public static IEnumerable<string> Articles(ClaimRecord r) => r.Sources.Select(s => s.Article).Distinct(StringComparer.Ordinal);

    private static bool SameClaimFamily(ClaimRecord a, ClaimRecord b)
    {
        if (a.Kind != b.Kind || a.Actor != b.Actor || !Articles(a).Intersect(Articles(b), StringComparer.Ordinal).Any())
        {
            return false;
        }

        return a.Kind == FactKind.Investment
            ? a.Amount!.Currency == b.Amount!.Currency && Near(a.Amount.Min, b.Amount.Min) && Near(a.Amount.Max, b.Amount.Max)
            : a.Unit == b.Unit && Near(a.Count!.Min, b.Count!.Min);
    }

    private static bool Near(decimal x, decimal y) => Math.Abs(x - y) <= 0.1m * Math.Max(Math.Abs(x), Math.Abs(y));

    /// <summary>The fields that differ between two versions of a claim, in base units.</summary>
    public static List<FieldChange> Fields(ClaimRecord o, ClaimRecord n)
    {
        var list = ClaimFields(o, n);
        if (o.Mentions != n.Mentions)
        {
            list.Add(new FieldChange(Mentions, o.Mentions.ToString(CultureInfo.InvariantCulture), n.Mentions.ToString(CultureInfo.InvariantCulture)));
        }

        var (a, b) = (string.Join("; ", Articles(o)), string.Join("; ", Articles(n)));
        if (!string.Equals(a, b, StringComparison.Ordinal))
        {
            list.Add(new FieldChange(Sources, a, b));
        }

        return list;
    }

    /// <summary>The fields of the claim itself that differ (not its mentions or sources).</summary>
    public static List<FieldChange> ClaimFields(ClaimRecord o, ClaimRecord n)
    {
        var list = new List<FieldChange>();
        void Check(string field, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                list.Add(new FieldChange(field, a, b));
            }
        }

        Check(Kind, ContractNames.Of(o.Kind), ContractNames.Of(n.Kind));
        Check(Actor, o.Actor, n.Actor);
        Check(Value, BaseValue(o), BaseValue(n));
        Check(Currency, o.Amount?.Currency, n.Amount?.Currency);
        Check(Qualifier, QualifierOf(o) is { } qo ? ContractNames.Of(qo) : null, QualifierOf(n) is { } qn ? ContractNames.Of(qn) : null);
        Check(Unit, o.Unit, n.Unit);
        Check(Model, o.HardwareModel, n.HardwareModel);
        return list;
    }

    /// <summary>How the claim's figure is qualified (about, up to, ...), or null without a figure.</summary>
    public static Qualifier? QualifierOf(ClaimRecord r) => r.Amount?.Qualifier ?? r.Count?.Qualifier;

    /// <summary>The figure in base units: "3200000000", a range as "16000000000-18000000000".</summary>
    public static string? BaseValue(ClaimRecord r)
    {
        if (r.Amount is { } a)
        {
            var min = Output.JsonFormats.Normalize(a.Min).ToString(CultureInfo.InvariantCulture);
            return a.Max == a.Min ? min : min + "-" + Output.JsonFormats.Normalize(a.Max).ToString(CultureInfo.InvariantCulture);
        }

        return r.Count is { } c
            ? c.Max == c.Min ? c.Min.ToString(CultureInfo.InvariantCulture) : FormattableString.Invariant($"{c.Min}-{c.Max}")
            : null;
    }
}
