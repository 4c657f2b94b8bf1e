using Extraction.Fetch;
using Extraction.Output;
using Extraction.Store;

namespace Extraction.Pipeline;

/// <summary>
/// What a run starts from: its id in the store, whether it resumes an interrupted run (and what that
/// one committed, taken as done), the last completed run's inputs (to tell new, changed and
/// unchanged apart) and the stored results it may reuse (same article, content and configuration).
/// </summary>
internal sealed class RunPlan
{
    private static readonly IReadOnlyDictionary<string, RunArticle> Empty = new Dictionary<string, RunArticle>(StringComparer.Ordinal);
    private static readonly IReadOnlyDictionary<(string Article, string Sha256), long> NoResults = new Dictionary<(string, string), long>();

    private readonly RunStore? _store;
    private readonly IReadOnlyDictionary<string, RunArticle> _baseline;
    private readonly IReadOnlyDictionary<(string Article, string Sha256), long> _results;

    private RunPlan(RunStore? store, long? id, bool resumed, IReadOnlyDictionary<string, RunArticle> committed, IReadOnlyDictionary<string, RunArticle> baseline, IReadOnlyDictionary<(string, string), long> results)
    {
        _store = store;
        Id = id;
        Resumed = resumed;
        Committed = committed;
        _baseline = baseline;
        _results = results;
    }

    /// <summary>The plan of a run without a store: everything is new and processed.</summary>
    public static RunPlan WithoutStore { get; } = new(null, null, false, Empty, Empty, NoResults);

    /// <summary>The run's id in the store, or null without a store.</summary>
    public long? Id { get; }

    /// <summary>This run continues an interrupted one.</summary>
    public bool Resumed { get; }

    /// <summary>What the interrupted run committed, by article id.</summary>
    public IReadOnlyDictionary<string, RunArticle> Committed { get; }

    /// <summary>
    /// Starts the run in the store, or resumes the interrupted one with the same job (configuration,
    /// inputs, --full). The caller holds the store's lock.
    /// </summary>
    public static RunPlan Begin(RunStore store, RunRequest request, string configKey, string version)
    {
        var inputsJson = JsonFormats.Line(w =>
        {
            w.WriteStartObject();
            JsonFormats.WriteStrings(w, "inputs", request.Inputs);
            w.WriteString("urls", request.UrlsFile);
            if (request.Source is { } source)
            {
                JsonFormats.WriteStrings(w, "sources", source.Inputs);
            }
            w.WriteEndObject();
        });
        var runs = store.Runs();
        var last = runs.Count > 0 ? runs[^1] : null;
        long id;
        var resumed = false;
        IReadOnlyDictionary<string, RunArticle> committed = Empty;

        // We hold the lock, so a run still marked running was killed; one with the same job resumes.
        if (last is { Status: RunStatus.Running or RunStatus.Cancelled } && last.ConfigKey == configKey && last.Inputs == inputsJson && last.Full == request.Full)
        {
            id = last.Id;
            resumed = true;
            committed = store.RunArticles(id);
            store.SetStatus(id, RunStatus.Running);
        }
        else
        {
            if (last is { Status: RunStatus.Running })
            {
                store.SetStatus(last.Id, RunStatus.Abandoned);
            }

            id = store.StartRun(version, configKey, inputsJson, request.Full, Path.GetFullPath(request.OutDir));
        }

        var baselineRun = runs.LastOrDefault(r => r.Status == RunStatus.Done && r.Id < id);
        var baseline = baselineRun is null ? Empty : store.RunArticles(baselineRun.Id);
        return new RunPlan(store, id, resumed, committed, baseline, request.Full ? NoResults : store.ResultIndex(configKey));
    }

    /// <summary>The outcome an interrupted run committed for an input, as this run reports it.</summary>
    public ArticleOutcome Resume(InputItem item, RunArticle prior)
    {
        if (prior.Status == ArticleStatus.Failed || prior.ResultId is null)
        {
            var failure = new InputFailure(item.ArticleId, prior.Reason ?? "failed") { Kind = prior.Failure ?? FailureKind.Input };
            return ArticleOutcome.Failed(item, failure, null, prior.Elapsed) with { Sha256 = prior.Sha256, Change = prior.Change, FromInterruptedRun = true };
        }

        var result = _store!.LoadResult(prior.ResultId.Value);
        return new ArticleOutcome(item, result.Article, result.Facts, null, result.Encoding, prior.Elapsed)
        {
            Sha256 = prior.Sha256, Change = prior.Change, Status = prior.Status, FromInterruptedRun = true, ReusedResultId = prior.ResultId,
        };
    }

    /// <summary>How content with this hash compares with the last completed run.</summary>
    public ArticleChange Change(InputItem item, string sha256) =>
        _baseline.TryGetValue(item.ArticleId, out var before)
            ? before.Sha256 == sha256 ? ArticleChange.Unchanged : ArticleChange.Changed
            : ArticleChange.New;

    /// <summary>The stored result of this article with this content under this run's configuration, or null.</summary>
    public StoredResult? Reusable(InputItem item, string sha256) =>
        _results.TryGetValue((item.ArticleId, sha256), out var resultId) ? _store!.LoadResult(resultId) : null;

    /// <summary>Whether a result of this article with this content may be reused (false for --full).</summary>
    public bool HasResult(string article, string sha256) => _results.ContainsKey((article, sha256));

    /// <summary>Inputs of the last completed run that are not among <paramref name="current"/>, in ordinal order.</summary>
    public List<string> Removed(IReadOnlySet<string> current) =>
        _baseline.Keys.Where(k => !current.Contains(k)).Order(StringComparer.Ordinal).ToList();
}
