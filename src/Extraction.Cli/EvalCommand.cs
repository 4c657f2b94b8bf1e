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
        var gold = new Option<string>("--gold") { Description = "Gold data (JSON Lines, CONTRACT.md format).", Required = true };
        var facts = new Option<string>("--facts") { Description = "facts.jsonl of a run.", Required = true };
        var records = new Option<string?>("--records") { Description = "records.jsonl of the run (default: beside --facts, when present)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every missed and spurious fact." };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var command = new Command("eval", "Precision, recall and F1 of facts (and records) against gold data.") { gold, facts, records, verbose, json };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<GoldFact> goldFacts;
            IReadOnlyList<Fact> predicted;
            IReadOnlyList<ClaimRecord>? recordList = null;
            try
            {
                goldFacts = JsonFormats.ReadLines(parse.GetValue(gold)!, GoldFact.Read).ToList();
                var factsPath = parse.GetValue(facts)!;
                predicted = JsonFormats.ReadLines(factsPath, JsonFormats.ReadFact).ToList();
                var recordsPath = parse.GetValue(records) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(factsPath))!, "records.jsonl");
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

            if (parse.GetValue(verbose))
            {
                foreach (var m in report.Missed.Concat(report.Spurious))
                {
                    await stdout.WriteLineAsync("  " + m);
                }
            }

            return 0;
        });
        return command;
    }
}
