using System.CommandLine;
using Extraction.Export;
using Extraction.Store;

namespace Extraction.Cli;

/// <summary>`extract export`: the facts and records of a run as CSV files for spreadsheets (exit 0, or 2 on bad input).</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var runDir = new Argument<string?>("out-dir") { Description = "Output folder of 'extract run' to export.", Arity = ArgumentArity.ZeroOrOne };
        var store = new Option<string?>("--store") { Description = "Export a run of this run store instead of an output folder." };
        var run = new Option<long?>("--run") { Description = "With --store: the run's id (default: the last completed run)." };
        var outDir = new Option<string?>("--out") { Description = "Folder for facts.csv and records.csv (default: the exported output folder; required with --store)." };
        var only = new Option<string>("--only") { Description = "Write only facts.csv or only records.csv: facts, records or both.", DefaultValueFactory = _ => "both" };
        only.AcceptOnlyFromAmong("facts", "records", "both");
        var bom = new Option<bool>("--bom") { Description = "Start each file with the UTF-8 byte order mark (for Excel)." };
        var delimiter = new Option<string>("--delimiter") { Description = "Field separator: comma, semicolon (German Excel) or tab.", DefaultValueFactory = _ => "comma" };
        delimiter.AcceptOnlyFromAmong("comma", "semicolon", "tab", ",", ";");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing on success." };
        var command = new Command("export", "Write the facts and records of a run as CSV (header, fixed column order, base units plus a readable figure).")
        {
            runDir, store, run, outDir, only, bom, delimiter, quiet,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var (dir, storePath) = (parse.GetValue(runDir), parse.GetValue(store));
                RunContents contents;
                string target;
                if (storePath is not null)
                {
                    if (dir is not null)
                    {
                        throw new ArgumentException("give either an output folder or --store, not both");
                    }

                    target = parse.GetValue(outDir) ?? throw new ArgumentException("--store needs --out <folder> for the CSV files");
                    contents = RunContents.FromStore(storePath, parse.GetValue(run));
                }
                else
                {
                    if (dir is null)
                    {
                        throw new ArgumentException("give an output folder of 'extract run', or --store <db> [--run ID] --out <folder>");
                    }

                    if (parse.GetValue(run) is not null)
                    {
                        throw new ArgumentException("--run needs --store");
                    }

                    target = parse.GetValue(outDir) ?? dir;
                    contents = RunContents.FromFolder(dir);
                }

                var options = new CsvOptions
                {
                    Bom = parse.GetValue(bom),
                    Delimiter = parse.GetValue(delimiter) switch { "semicolon" or ";" => ";", "tab" => "\t", _ => "," },
                };
                var what = parse.GetValue(only);
                var lines = new List<string>();
                if (what is "facts" or "both")
                {
                    var path = Path.Combine(target, "facts.csv");
                    lines.Add($"{CsvExport.WriteFactsFile(path, contents.Facts, options)} facts -> {path}");
                }

                if (what is "records" or "both")
                {
                    var path = Path.Combine(target, "records.csv");
                    lines.Add($"{CsvExport.WriteRecordsFile(path, contents.Records, options)} records -> {path}");
                }

                if (!parse.GetValue(quiet))
                {
                    await stdout.WriteLineAsync($"{contents.Label}: {string.Join("; ", lines)}");
                }

                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException or StoreException)
            {
                await stderr.WriteLineAsync("extract export: " + ex.Message);
                return Cli.UsageError;
            }
        });
        return command;
    }
}
