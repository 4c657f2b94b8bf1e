using System.Globalization;
using Extraction.Model;
using Extraction.Output;
using Extraction.Store;

namespace Extraction.Export;

/// <summary>The facts and records of one run, read from its output folder or from its run store.</summary>
public sealed record RunContents(string Label, IEnumerable<Fact> Facts, IEnumerable<ClaimRecord> Records)
{
    /// <summary>
    /// Reads an output folder of <c>extract run</c>: facts.jsonl and records.jsonl, streamed in file
    /// order. Throws <see cref="FileNotFoundException"/> when either is missing, <see cref="FormatException"/>
    /// (naming file and line) for a bad line while enumerating.
    /// </summary>
    public static RunContents FromFolder(string dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"{dir}: no such folder");
        }

        var facts = Path.Combine(dir, "facts.jsonl");
        var records = Path.Combine(dir, "records.jsonl");
        foreach (var file in new[] { facts, records })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"{file}: no such file (is '{dir}' an output folder of 'extract run'?)", file);
            }
        }

        return new RunContents(dir, JsonFormats.ReadLines(facts, JsonFormats.ReadFact), JsonFormats.ReadLines(records, JsonFormats.ReadRecord));
    }

    /// <summary>
    /// Reads one run of a run store (by default the last completed one). Facts come article by article
    /// in article order (ordinal), each article's in text order; records in the run's output order.
    /// Throws <see cref="ArgumentException"/> for a run that is unknown or did not finish,
    /// <see cref="StoreException"/> for a file that is not a run store.
    /// </summary>
    public static RunContents FromStore(string storePath, long? runId = null)
    {
        ArgumentNullException.ThrowIfNull(storePath);
        if (!File.Exists(storePath))
        {
            throw new FileNotFoundException($"{storePath}: no such run store", storePath);
        }

        using var store = RunStore.Open(storePath, TimeProvider.System);
        var runs = store.Runs();
        var run = runId is { } id
            ? RunSelection.ById(runs, id, storePath)
            : RunSelection.LastDone(runs) ?? throw new ArgumentException($"{storePath} has no completed run yet");
        RunSelection.EnsureFinished(run, storePath, "export");

        // A run's facts are its articles' stored results; read them now, so the store can be closed.
        var facts = new List<Fact>();
        foreach (var entry in store.RunArticles(run.Id).Values.Where(e => e.ResultId is not null).OrderBy(e => e.Article, StringComparer.Ordinal))
        {
            facts.AddRange(store.LoadResult(entry.ResultId!.Value).Facts);
        }

        var label = string.Create(CultureInfo.InvariantCulture, $"run {run.Id} of {storePath}");
        return new RunContents(label, facts, store.Records(run.Id));
    }
}
