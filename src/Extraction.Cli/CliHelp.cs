using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Security.Cryptography;
using System.Text.Json;
using Extraction.Pipeline;

namespace Extraction.Cli;

/// <summary>`--help` with examples for every command, and `--version` with the versions of the embedded models.</summary>
internal static class CliHelp
{
    /// <summary>Examples shown under each command's help, by command name ("" is the root). A command without any fails a test.</summary>
    public static IReadOnlyDictionary<string, string[]> Examples { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [""] =
        [
            "extract run samples --out out",
            "extract eval --gold samples/gold.jsonl --facts out/facts.jsonl",
            "extract export out --bom",
        ],
        ["run"] =
        [
            "extract run samples --out out",
            "extract run ~/articles --urls urls.txt --out ~/extract-out -q",
            "extract run samples --out out --rules-only --explain --no-store",
        ],
        ["clean"] =
        [
            "extract clean samples/01_newsportal_microsoft_deutschland.html --title",
            "extract clean samples --out cleaned",
        ],
        ["diff"] =
        [
            "extract diff out-yesterday out",
            "extract diff --store out/store.db --html-out report.html",
        ],
        ["eval"] =
        [
            "extract eval --gold samples/gold.jsonl --facts out/facts.jsonl",
            "extract eval --gold samples/gold.jsonl --facts out/facts.jsonl --verbose",
        ],
        ["train"] =
        [
            "extract train --gold samples/gold.jsonl samples --model /tmp/fact-model.zip",
        ],
        ["train-ner"] =
        [
            "extract train-ner germeval/NER-de-train.tsv germeval/NER-de-dev.tsv --model /tmp/org-ner.tsv",
        ],
        ["train-clusters"] =
        [
            "extract train-clusters news/articles pages --germeval germeval/NER-de-dev.tsv --out /tmp/word-clusters.tsv",
        ],
        ["schedule"] =
        [
            "extract schedule --cron \"0 3 * * *\" -- run ~/articles --out ~/extract-out -q",
        ],
        ["generate"] =
        [
            "extract generate --from samples --count 1000 --seed 1 --out corpus",
        ],
        ["export"] =
        [
            "extract export out --bom",
            "extract export out --out csv --delimiter semicolon --only records",
            "extract export --store out/store.db --run 3 --out csv",
        ],
    };

    /// <summary>Puts the example-printing help and the model-listing version on the root command (both apply to every command).</summary>
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction standard)
            {
                help.Action = new HelpWithExamples(standard);
            }
            else if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
        }
    }

    /// <summary>True when the command line asks for help or the version: those print even when the rest of it has errors.</summary>
    public static bool AsksForHelpOrVersion(ParseResult parsed) => parsed.Action is HelpWithExamples or VersionAction;

    /// <summary>
    /// What `extract --version` prints: the program's version, then every embedded model file with the
    /// first 12 hex digits of its SHA-256 and, for a JSON model that states them, its format and version.
    /// </summary>
    public static IEnumerable<string> VersionLines()
    {
        yield return "extract " + ModelFiles.AssemblyVersion;
        yield return "models (embedded; --models DIR overrides them):";
        var assembly = typeof(ModelFiles).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("models/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var line = $"  {name["models/".Length..],-22} sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]}";
            yield return StatedVersion(name, bytes) is { } stated ? $"{line}  {stated}" : line;
        }
    }

    private static readonly string[] StatedFields = ["format", "version"];

    /// <summary>"format extraction-logistic-v2, version 3f2a..." from a JSON model's top-level fields, when it has them.</summary>
    private static string? StatedVersion(string name, byte[] bytes)
    {
        if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var parts = StatedFields
                .Where(p => doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String)
                .Select(p => $"{p} {doc.RootElement.GetProperty(p).GetString()}")
                .ToList();
            return parts.Count > 0 ? string.Join(", ", parts) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class HelpWithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            var command = parseResult.CommandResult.Command;
            var key = command is RootCommand ? "" : command.Name;
            if (Examples.TryGetValue(key, out var examples))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine("  " + example);
                }
            }

            return code;
        }
    }

    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var output = parseResult.InvocationConfiguration.Output;
            foreach (var line in VersionLines())
            {
                output.WriteLine(line);
            }

            return 0;
        }
    }
}
