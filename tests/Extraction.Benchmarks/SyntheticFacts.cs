using System.Globalization;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Benchmarks;

/// <summary>
/// Facts as a large run produces them, for the dedup benchmark. Mentions are drawn from claims with a
/// heavy-tailed popularity (a few stories reported hundreds of times, most once or twice); actors follow
/// a Zipf law over the gazetteer's names, some facts are joint ("A und B") or lack an actor; values are
/// mostly repeated exactly, some within conversion rounding, some rounded ("rund"). Seeded: same facts every run.
/// </summary>
public static class SyntheticFacts
{
    private static readonly (string Currency, double Weight)[] Currencies =
        [("EUR", 0.50), ("USD", 0.30), ("GBP", 0.06), ("JPY", 0.05), ("CHF", 0.04), ("CAD", 0.03), ("CNY", 0.02)];

    private static readonly string[] Units = ["GPU", "GPU", "chip", "accelerator", "server", "node"];

    private static readonly string?[] Models = ["H100", "B200", "GH200", "GB200", "MI300X", null, null];

    public static List<Fact> Make(int count, int seed = 20251125)
    {
        var actors = ModelFiles.Embedded.ReadLines("actors.tsv")
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t')[0])
            .ToArray();
        var claims = Math.Max(1, count / 6);
        var rng = new Random(seed);
        var facts = new List<Fact>(count);
        for (var i = 0; i < count; i++)
        {
            // u^3 skews towards low claim numbers: popular stories recur, the tail is long.
            var claim = (int)(claims * Math.Pow(rng.NextDouble(), 3));
            facts.Add(Mention(i, claim, actors, rng));
        }

        return facts;
    }

    private static Fact Mention(int i, int claim, string[] actors, Random rng)
    {
        var c = new Random(claim);
        var investment = c.NextDouble() < 0.85;
        var actor = ActorOf(c, actors);
        var article = $"news/{i / 7:D7}.html";
        var start = (i % 7) * 431;
        var roll = rng.NextDouble();
        var qualifier = roll < 0.75 ? Qualifier.Exact : roll < 0.9 ? Qualifier.About : Qualifier.Over;
        if (rng.NextDouble() < 0.15)
        {
            actor = null;
        }

        if (investment)
        {
            var currency = Pick(c, Currencies);
            var value = Round(Math.Pow(10, 6 + (c.NextDouble() * 5)), 2);
            var range = c.NextDouble() < 0.08;
            var min = roll < 0.75 ? value : roll < 0.9 ? value * (1 + ((rng.NextDouble() - 0.5) * 0.02)) : Round(value, 1);
            var amount = new Amount((decimal)min, (decimal)(range ? min * 1.2 : min), currency, qualifier);
            var text = string.Create(CultureInfo.InvariantCulture, $"{min / 1e9:0.##} Milliarden {currency}");
            return new Fact(article, FactKind.Investment, actor, amount, null, null, null, text,
                $"{actor ?? "Das Unternehmen"} investiert {text} (Meldung {claim}, Fassung {i % 5}).", start, 0.9);
        }

        var unit = Units[c.Next(Units.Length)];
        var model = Models[c.Next(Models.Length)];
        var n = (long)Round(Math.Pow(10, 3 + (c.NextDouble() * 3)), 2);
        var htext = $"{n} {model} {unit}";
        return new Fact(article, FactKind.Hardware, actor, null, new Count(n, n, qualifier), unit, model, htext,
            $"{actor ?? "Der Betreiber"} installiert {htext} (Meldung {claim}, Fassung {i % 5}).", start, 0.9);
    }

    private static string? ActorOf(Random c, string[] actors)
    {
        // Zipf with s = 1.1 over the gazetteer order, by inverse transform on a precomputed-free approximation.
        var rank = Math.Min(actors.Length - 1, (int)Math.Floor(Math.Pow(actors.Length + 1, c.NextDouble())) - 1);
        var roll = c.NextDouble();
        if (roll < 0.05)
        {
            return null;
        }

        if (roll < 0.10)
        {
            return actors[rank] + " und " + actors[c.Next(actors.Length)];
        }

        return actors[rank];
    }

    private static string Pick(Random r, (string Value, double Weight)[] options)
    {
        var x = r.NextDouble();
        foreach (var (value, weight) in options)
        {
            x -= weight;
            if (x < 0)
            {
                return value;
            }
        }

        return options[^1].Value;
    }

    private static double Round(double x, int significant)
    {
        var scale = Math.Pow(10, Math.Floor(Math.Log10(x)) - significant + 1);
        return Math.Round(x / scale) * scale;
    }
}
