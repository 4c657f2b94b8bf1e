using Extraction.Model;

namespace Extraction.Evaluation;

/// <summary>
/// Scores facts against gold (docs/gold-format.md): per article, distinct facts. An amount matches when the
/// currency agrees and min and max are within 0.5%; a count when count and unit agree; an actor when
/// it names the same party as the gold actor or an alternative, case and inflection aside.
/// </summary>
public static class Scorer
{
    private const decimal Tolerance = 0.005m;

    /// <summary>Scores facts (and, when given, records) against gold fact lines; they cover the articles they name.</summary>
    public static EvalReport Evaluate(IReadOnlyList<GoldFact> gold, IReadOnlyList<Fact> facts, IReadOnlyList<ClaimRecord>? records = null) =>
        Evaluate(GoldSet.From(gold), facts, records);

    /// <summary>
    /// Scores facts (and records) against a gold set. Facts of articles the gold does not name are
    /// not scored; borderline and conversion lines count neither as missed nor, when a predicted
    /// fact matches them, as spurious.
    /// </summary>
    public static EvalReport Evaluate(GoldSet gold, IReadOnlyList<Fact> facts, IReadOnlyList<ClaimRecord>? records = null)
    {
        var missed = new List<EvalIssue>();
        var spurious = new List<EvalIssue>();
        var wrongActors = new List<EvalIssue>();
        var goldByArticle = gold.Facts.GroupBy(g => g.Article).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var factsByArticle = facts.Where(f => gold.Articles.Contains(f.Article)).GroupBy(f => f.Article)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var perArticle = new List<ArticleScore>();
        var ignored = 0;
        Score amounts = new("amounts", 0, 0, 0, 0), withActor = new("amounts+actor", 0, 0, 0, 0), hardware = new("hardware", 0, 0, 0, 0);
        foreach (var article in gold.Articles.Order(StringComparer.Ordinal))
        {
            var g = goldByArticle.GetValueOrDefault(article) ?? [];
            var p = factsByArticle.GetValueOrDefault(article) ?? [];
            var gi = g.Where(x => x.Kind == FactKind.Investment).ToList();
            var pi = p.Where(x => x.Kind == FactKind.Investment).ToList();
            var gh = g.Where(x => x.Kind == FactKind.Hardware).ToList();
            var ph = p.Where(x => x.Kind == FactKind.Hardware).ToList();
            var a = Measure("amounts", article, gi, pi, AmountKey, PredAmountKey, AmountMatches, AmountMatches, missed, spurious, ref ignored);
            var w = Measure("amounts+actor", article, gi, pi, g => AmountKey(g) + "|" + g.Actor, f => PredAmountKey(f) + "|" + f.Actor,
                (g, f) => AmountMatches(g, f) && ActorMatches(g, f.Actor), AmountMatches, null, null, ref ignored);
            var h = Measure("hardware", article, gh, ph, g => $"{g.Min}|{g.Unit}", f => $"{f.Count!.Min}|{f.Unit}", CountMatches, CountMatches, missed, spurious, ref ignored);
            WrongActors(article, gi, pi, wrongActors);
            perArticle.Add(new ArticleScore(article, a, w, h));
            (amounts, withActor, hardware) = (amounts.Add(a), withActor.Add(w), hardware.Add(h));
        }

        var recordScore = records is null
            ? null
            : ScoreRecords(gold.Facts, records.Where(r => r.Sources.Any(s => gold.Articles.Contains(s.Article))).ToList());
        return new EvalReport(amounts, withActor, hardware, recordScore, missed, spurious) { Articles = perArticle, Ignored = ignored, WrongActors = wrongActors };
    }

    // A counted gold amount that some prediction found, none of them with an actor the gold accepts: the first such prediction.
    private static void WrongActors(string article, List<GoldFact> gold, List<Fact> predicted, List<EvalIssue> into)
    {
        foreach (var g in gold.Where(g => g.Counted).DistinctBy(g => AmountKey(g) + "|" + g.Actor))
        {
            var found = predicted.Where(f => AmountMatches(g, f)).ToList();
            if (found.Count > 0 && !found.Any(f => ActorMatches(g, f.Actor)))
            {
                var accepted = g.Actor is null ? "'nobody'" : string.Join(" or ", new[] { g.Actor }.Concat(g.ActorAlt).Select(n => $"'{n}'"));
                into.Add(new EvalIssue(article, false, $"'{found[0].Actor ?? "nobody"}' where the gold has {accepted}", found[0].Text, found[0].Sentence) { IsWrongActor = true });
            }
        }
    }

    private static string AmountKey(GoldFact g) => $"{g.Min}|{g.Max}|{g.Currency}";

    private static string PredAmountKey(Fact f) => $"{f.Amount!.Min}|{f.Amount.Max}|{f.Amount.Currency}";

    // One article, one measure; gold lines and predicted facts are each counted once per key. A predicted fact that matches no counted line but a borderline or conversion line
    // (by value: `ignorable`) is left out of the count.
    private static Score Measure(
        string name,
        string article,
        List<GoldFact> gold,
        List<Fact> predicted,
        Func<GoldFact, string> goldKey,
        Func<Fact, string> predKey,
        Func<GoldFact, Fact, bool> matches,
        Func<GoldFact, Fact, bool> ignorable,
        List<EvalIssue>? missed,
        List<EvalIssue>? spurious,
        ref int ignored)
    {
        var counted = gold.Where(g => g.Counted).DistinctBy(goldKey).ToList();
        var uncounted = gold.Where(g => !g.Counted).ToList();
        var p = predicted.DistinctBy(predKey).ToList();
        int matchedPred = 0, totalPred = 0, matchedGold = 0;
        foreach (var gf in counted)
        {
            if (p.Any(f => matches(gf, f)))
            {
                matchedGold++;
            }
            else
            {
                var value = gf.Kind == FactKind.Investment
                    ? $"{gf.Min.ToString("0.##", Inv)}{(gf.Max != gf.Min ? "-" + gf.Max.ToString("0.##", Inv) : "")} {gf.Currency}"
                    : $"{gf.Min.ToString("0.##", Inv)} {gf.Unit}";
                missed?.Add(new EvalIssue(article, true, $"{gf.Kind.ToString().ToLowerInvariant()} {value} ({gf.Actor})", gf.Quote, null));
            }
        }

        foreach (var f in p)
        {
            if (counted.Any(g => matches(g, f)))
            {
                matchedPred++;
                totalPred++;
            }
            else if (uncounted.Any(g => ignorable(g, f)))
            {
                if (spurious is not null)
                {
                    ignored++;
                }
            }
            else
            {
                totalPred++;
                spurious?.Add(new EvalIssue(article, false, $"{f.Kind.ToString().ToLowerInvariant()} ({f.Actor})", f.Text, f.Sentence));
            }
        }

        return new Score(name, matchedPred, totalPred, matchedGold, counted.Count);
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

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
        f.Count is not null && Within(g.Min, f.Count.Min)
        && (string.Equals(f.Unit, g.Unit, StringComparison.OrdinalIgnoreCase) || g.UnitAlt.Any(u => string.Equals(f.Unit, u, StringComparison.OrdinalIgnoreCase)));

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
        if (new[] { g.Actor }.Concat(g.ActorAlt).Any(a => Names(a).SetEquals(p)))
        {
            return true;
        }

        // A joint amount is annotated as its first-named party with the others in actor_alt (annotation.md,
        // "Hard cases"): a predicted group that names the gold actor and otherwise only alternatives names it.
        if (p.Count < 2 || !Names(g.Actor).IsSubsetOf(p))
        {
            return false;
        }

        var acceptable = Names(g.Actor);
        foreach (var alt in g.ActorAlt)
        {
            acceptable.UnionWith(Names(alt));
        }

        return p.IsSubsetOf(acceptable);
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
    /// Record F1: a predicted record is right when the counted gold facts it covers are exactly one
    /// gold record group. Precision counts the records that cover any counted gold fact (a record
    /// covering none is scored as spurious facts by the fact measures, not here).
    /// </summary>
    private static Score ScoreRecords(IReadOnlyList<GoldFact> gold, IReadOnlyList<ClaimRecord> records)
    {
        // Borderline and conversion lines make no group of their own and are taken out of what a
        // record covers: a record of the original and its conversion covers the original's group.
        var groups = gold.Select((g, i) => (g, i))
            .Where(x => x.g.Counted)
            .GroupBy(x => x.g.Record ?? $"#{x.i}")
            .Select(grp => grp.Select(x => x.i).ToHashSet())
            .ToList();
        var correct = 0;
        var covering = 0;
        var found = new HashSet<int>();
        foreach (var r in records)
        {
            var articles = r.Sources.Select(s => s.Article).ToHashSet(StringComparer.Ordinal);
            var probe = new Fact("", r.Kind, r.Actor, r.Amount, r.Count, r.Unit, r.HardwareModel, "", "", 0, 1);
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

            covered.RemoveWhere(i => !gold[i].Counted);
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
