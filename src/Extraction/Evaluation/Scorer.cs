using Extraction.Model;

namespace Extraction.Evaluation;

/// <summary>Precision, recall and F1 of one measure.</summary>
public sealed record Score(string Name, int MatchedPredicted, int Predicted, int MatchedGold, int Gold)
{
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)MatchedPredicted / Predicted;

    public double Recall => Gold == 0 ? 1 : (double)MatchedGold / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>All measures of one evaluation, with the misses and spurious facts for reading.</summary>
public sealed record EvalReport(Score Amounts, Score AmountsWithActor, Score Hardware, Score? Records, List<string> Missed, List<string> Spurious);

/// <summary>
/// Scores facts against gold (CONTRACT.md): per article, distinct facts. An amount matches when the
/// currency agrees and min and max are within 0.5%; a count when count and unit agree; an actor when
/// it names the same party as the gold actor or an alternative, case and inflection aside.
/// </summary>
public static class Scorer
{
    private const decimal Tolerance = 0.005m;

    /// <summary>Scores facts (and, when given, records) against gold.</summary>
    public static EvalReport Evaluate(IReadOnlyList<GoldFact> gold, IReadOnlyList<Fact> facts, IReadOnlyList<ClaimRecord>? records = null)
    {
        var missed = new List<string>();
        var spurious = new List<string>();
        var goldArticles = gold.Select(g => g.Article).ToHashSet(StringComparer.Ordinal);

        // Facts of articles without gold lines are not scored: gold covers the articles it names.
        var scored = facts.Where(f => goldArticles.Contains(f.Article)).ToList();
        var amounts = Measure("amounts", gold.Where(g => g.Kind == FactKind.Investment), scored.Where(f => f.Kind == FactKind.Investment),
            g => $"{g.Min}|{g.Max}|{g.Currency}", f => $"{f.Amount!.Min}|{f.Amount.Max}|{f.Amount.Currency}", AmountMatches, missed, spurious);
        var withActor = Measure("amounts+actor", gold.Where(g => g.Kind == FactKind.Investment), scored.Where(f => f.Kind == FactKind.Investment),
            g => $"{g.Min}|{g.Max}|{g.Currency}|{g.Actor}", f => $"{f.Amount!.Min}|{f.Amount.Max}|{f.Amount.Currency}|{f.Actor}",
            (g, f) => AmountMatches(g, f) && ActorMatches(g, f.Actor), null, null);
        var hardware = Measure("hardware", gold.Where(g => g.Kind == FactKind.Hardware), scored.Where(f => f.Kind == FactKind.Hardware),
            g => $"{g.Min}|{g.Unit}", f => $"{f.Count!.Min}|{f.Unit}", CountMatches, missed, spurious);
        var recordScore = records is null ? null : ScoreRecords(gold, records.Where(r => r.Sources.Any(s => goldArticles.Contains(s.Article))).ToList());
        return new EvalReport(amounts, withActor, hardware, recordScore, missed, spurious);
    }

    private static Score Measure(
        string name,
        IEnumerable<GoldFact> gold,
        IEnumerable<Fact> predicted,
        Func<GoldFact, string> goldKey,
        Func<Fact, string> predKey,
        Func<GoldFact, Fact, bool> matches,
        List<string>? missed,
        List<string>? spurious)
    {
        int matchedPred = 0, totalPred = 0, matchedGold = 0, totalGold = 0;
        var goldByArticle = gold.GroupBy(g => g.Article).ToDictionary(g => g.Key, g => g.DistinctBy(goldKey).ToList());
        var predByArticle = predicted.GroupBy(f => f.Article).ToDictionary(g => g.Key, g => g.DistinctBy(predKey).ToList());
        foreach (var article in goldByArticle.Keys.Union(predByArticle.Keys).Order(StringComparer.Ordinal))
        {
            var g = goldByArticle.GetValueOrDefault(article) ?? [];
            var p = predByArticle.GetValueOrDefault(article) ?? [];
            totalGold += g.Count;
            totalPred += p.Count;
            var usedPred = new bool[p.Count];
            foreach (var gf in g)
            {
                var hit = false;
                for (var i = 0; i < p.Count; i++)
                {
                    if (matches(gf, p[i]))
                    {
                        hit = true;
                        if (!usedPred[i])
                        {
                            usedPred[i] = true;
                        }
                    }
                }

                if (hit)
                {
                    matchedGold++;
                }
                else
                {
                    missed?.Add($"{article}: missed {gf.Kind} {gf.Min:0.##}{(gf.Max != gf.Min ? "-" + gf.Max.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "")} {gf.Currency ?? gf.Unit} ({gf.Actor}) \"{gf.Quote}\"");
                }
            }

            for (var i = 0; i < p.Count; i++)
            {
                if (usedPred[i] || g.Any(gf => matches(gf, p[i])))
                {
                    matchedPred++;
                }
                else
                {
                    spurious?.Add($"{article}: spurious {p[i].Kind} \"{p[i].Text}\" ({p[i].Actor}) in \"{Short(p[i].Sentence)}\"");
                }
            }
        }

        return new Score(name, matchedPred, totalPred, matchedGold, totalGold);
    }

    private static string Short(string s) => s.Length <= 140 ? s : s[..140] + "...";

    public static bool AmountMatches(GoldFact g, Fact f)
    {
        if (f.Amount is null)
        {
            return false;
        }

        var currencyOk = f.Amount.Currency == g.Currency || g.CurrencyAlt.Contains(f.Amount.Currency ?? "");
        return currencyOk && Within(g.Min, f.Amount.Min) && Within(g.Max, f.Amount.Max);
    }

    public static bool CountMatches(GoldFact g, Fact f) =>
        f.Count is not null && string.Equals(f.Unit, g.Unit, StringComparison.OrdinalIgnoreCase) && Within(g.Min, f.Count.Min);

    private static bool Within(decimal gold, decimal value) =>
        gold == value || (gold != 0 && Math.Abs(value - gold) <= Tolerance * Math.Abs(gold));

    /// <summary>True when the predicted actor names the gold actor or one of its alternatives.</summary>
    public static bool ActorMatches(GoldFact g, string? predicted)
    {
        if (g.Actor is null)
        {
            return predicted is null;
        }

        if (predicted is null)
        {
            return false;
        }

        var p = Names(predicted);
        return new[] { g.Actor }.Concat(g.ActorAlt).Any(a => Names(a).SetEquals(p));
    }

    private static HashSet<string> Names(string actor) =>
        actor.Replace(" und ", ", ", StringComparison.Ordinal).Replace(" sowie ", ", ", StringComparison.Ordinal)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(NormalizeName)
            .ToHashSet(StringComparer.Ordinal);

    // Case and inflection aside: "der Europäischen Union" = "Europäische Union", "Kanadas" = "Kanada".
    private static string NormalizeName(string name)
    {
        var words = name.ToLowerInvariant().Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("der" or "die" or "das" or "den" or "dem" or "des"))
            .Select(w => w.Length > 4 && (w.EndsWith("en", StringComparison.Ordinal) || w.EndsWith("es", StringComparison.Ordinal)) ? w[..^2]
                : w.Length > 4 && (w.EndsWith('n') || w.EndsWith('s') || w.EndsWith('e')) ? w[..^1] : w);
        return string.Join(' ', words);
    }

    /// <summary>
    /// Record F1: a predicted record is right when the gold facts it covers are exactly one gold
    /// record group. Precision counts the records that cover any gold fact.
    /// </summary>
    private static Score ScoreRecords(IReadOnlyList<GoldFact> gold, IReadOnlyList<ClaimRecord> records)
    {
        var groups = gold.Select((g, i) => (g, i))
            .GroupBy(x => x.g.Record ?? $"#{x.i}")
            .Select(grp => grp.Select(x => x.i).ToHashSet())
            .ToList();
        var correct = 0;
        var covering = 0;
        var found = new HashSet<int>();
        foreach (var r in records)
        {
            var articles = r.Sources.Select(s => s.Article).ToHashSet(StringComparer.Ordinal);
            var probe = new Fact("", r.Kind, r.Actor, r.Amount, r.Count, r.Unit, r.Model, "", "", 0, 1);
            var covered = new HashSet<int>();
            foreach (var article in articles)
            {
                var byValue = gold.Select((g, i) => (g, i))
                    .Where(x => x.g.Article == article && x.g.Kind == r.Kind && (r.Kind == FactKind.Investment ? AmountMatches(x.g, probe) : CountMatches(x.g, probe)))
                    .ToList();
                var byActor = byValue.Where(x => ActorMatches(x.g, r.Actor)).ToList();
                var chosen = byActor.Count > 0 ? byActor : byValue.Count == 1 ? byValue : [];
                foreach (var x in chosen)
                {
                    covered.Add(x.i);
                }
            }

            if (covered.Count == 0)
            {
                continue;
            }

            covering++;
            var match = groups.FindIndex(g => g.SetEquals(covered));
            if (match >= 0 && found.Add(match))
            {
                correct++;
            }
        }

        return new Score("records", correct, covering, correct, groups.Count);
    }
}
