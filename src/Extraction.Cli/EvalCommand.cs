using System.CommandLine;
using System.Globalization;
using Extraction.Evaluation;
using Extraction.Model;
using Extraction.Output;

namespace Extraction.Cli;

/// <summary>`extract eval`: precision, recall and F1 against gold data.</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var gold = new Option<string>("--gold") { Description = "Gold data (JSON Lines, the format of docs/gold-format.md).", Required = true };
        var facts = new Option<string>("--facts") { Description = "facts.jsonl of a run.", Required = true };
        var records = new Option<string?>("--records") { Description = "records.jsonl of the run (default: beside --facts, when present)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every missed and spurious fact, and every found amount with the wrong actor, with its sentence." };
        var perArticle = new Option<bool>("--per-article") { Description = "Print the figures of every article that has gold facts or predictions." };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var command = new Command("eval", "Precision, recall and F1 of facts (and records) against gold data.") { gold, facts, records, verbose, perArticle, json };
        command.SetAction(async (parse, ct) =>
        {
            GoldSet goldFacts;
            IReadOnlyList<Fact> predicted;
            IReadOnlyList<ClaimRecord>? recordList = null;
            string? articlesPath = null;
            try
            {
                goldFacts = GoldSet.Load(parse.GetValue(gold)!);
                var factsPath = parse.GetValue(facts)!;
                predicted = JsonFormats.ReadLines(factsPath, JsonFormats.ReadFact).ToList();
                var recordsPath = parse.GetValue(records) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(factsPath))!, "records.jsonl");
                articlesPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(factsPath))!, "articles.jsonl");
                if (File.Exists(recordsPath))
                {
                    recordList = JsonFormats.ReadLines(recordsPath, JsonFormats.ReadRecord).ToList();
                }
                else if (parse.GetValue(records) is not null)
                {
                    throw new FileNotFoundException($"{recordsPath}: no such file");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                await stderr.WriteLineAsync("extract eval: " + ex.Message);
                return Cli.UsageError;
            }

            var report = Scorer.Evaluate(goldFacts, predicted, recordList);
            var scores = new[] { report.Amounts, report.AmountsWithActor, report.Hardware }.Concat(report.Records is null ? [] : [report.Records]).ToList();
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonFormats.Line(w =>
                {
                    w.WriteStartObject();
                    foreach (var s in scores)
                    {
                        w.WriteStartObject(s.Name);
                        w.WriteNumber("precision", Math.Round(s.Precision, 4));
                        w.WriteNumber("recall", Math.Round(s.Recall, 4));
                        w.WriteNumber("f1", Math.Round(s.F1, 4));
                        w.WriteNumber("gold", s.Gold);
                        w.WriteNumber("predicted", s.Predicted);
                        w.WriteEndObject();
                    }

                    if (parse.GetValue(perArticle))
                    {
                        w.WriteStartArray("articles");
                        foreach (var a in report.Articles)
                        {
                            w.WriteStartObject();
                            w.WriteString("article", a.Article);
                            foreach (var s in new[] { a.Amounts, a.AmountsWithActor, a.Hardware })
                            {
                                w.WriteStartObject(s.Name);
                                w.WriteNumber("gold", s.Gold);
                                w.WriteNumber("matched_gold", s.MatchedGold);
                                w.WriteNumber("predicted", s.Predicted);
                                w.WriteNumber("matched_predicted", s.MatchedPredicted);
                                w.WriteEndObject();
                            }

                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                }));
                return 0;
            }

            await stdout.WriteLineAsync("measure         precision  recall     F1   gold  predicted");
            foreach (var s in scores)
            {
                await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-14} {1,10:0.000} {2,7:0.000} {3,6:0.000} {4,6} {5,10}",
                    s.Name, s.Precision, s.Recall, s.F1, s.Gold, s.Predicted));
            }

            await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "{0} articles scored ({1} without facts in the gold); {2} predicted facts matched only borderline or conversion lines and are not counted",
                report.Articles.Count, report.Articles.Count(a => !goldFacts.Of(a.Article).Any()), report.Ignored));
            if (parse.GetValue(perArticle))
            {
                await stdout.WriteLineAsync("article                                  amounts g/p/ok  +actor ok  hardware g/p/ok");
                foreach (var a in report.Articles.Where(a => a.Amounts.Gold + a.Amounts.Predicted + a.Hardware.Gold + a.Hardware.Predicted > 0))
                {
                    await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-40} {1,4}/{2,3}/{3,3}  {4,9}  {5,6}/{6,3}/{7,3}",
                        a.Article, a.Amounts.Gold, a.Amounts.Predicted, a.Amounts.MatchedGold, a.AmountsWithActor.MatchedGold,
                        a.Hardware.Gold, a.Hardware.Predicted, a.Hardware.MatchedGold));
                }
            }

            if (parse.GetValue(verbose))
            {
                var texts = articlesPath is not null && File.Exists(articlesPath) ? ReadTexts(articlesPath) : [];
                foreach (var m in report.Missed.Concat(report.Spurious).Concat(report.WrongActors).OrderBy(m => m.Article, StringComparer.Ordinal))
                {
                    var issue = m.IsMiss && texts.TryGetValue(m.Article, out var text) ? m with { Sentence = QuoteLocator.SentenceOf(text, m.Text) } : m;
                    await stdout.WriteLineAsync("  " + issue);
                }
            }

            return 0;
        });
        return command;
    }

    // The cleaned text of each article of the run, to show a missed quote in its sentence.
    private static Dictionary<string, string> ReadTexts(string articlesPath) =>
        JsonFormats.ReadLines(articlesPath, e => (Article: e.GetProperty("article").GetString() ?? "", Text: e.TryGetProperty("text", out var t) ? t.GetString() ?? "" : ""))
            .GroupBy(x => x.Article, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
}
