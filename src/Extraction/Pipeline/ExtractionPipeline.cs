using Extraction.Clean;
using Extraction.Dedup;
using Extraction.Facts;
using Extraction.Fetch;
using Extraction.Ml;

namespace Extraction.Pipeline;

/// <summary>
/// The stages, made once by <see cref="ExtractionPipelineBuilder"/> (options checked then) and
/// reused for every article; thread-safe, so a batch runs in parallel. One bad article never stops
/// a batch: the article path returns its failure as a value.
/// </summary>
public sealed class ExtractionPipeline : IDisposable
{
    private readonly IReadOnlyDictionary<InputKind, Lazy<IDocumentFetcher>> _fetchers;
    private readonly ArticlePath _path;

    internal ExtractionPipeline(
        PipelineResources resources,
        IReadOnlyDictionary<InputKind, Func<PipelineOptions, IDocumentFetcher>> fetchers,
        ArticleCleaner cleaner,
        FactExtractor extractor,
        RecordBuilder records,
        IReadOnlyList<NamedStage> stages)
    {
        Options = resources.Options;
        Models = resources.Models;
        Actors = resources.Actors;
        Cleaner = cleaner;
        Extractor = extractor;
        Records = records;
        Stages = stages;
        StageNames = stages.Select(s => s.Name).ToArray();
        _fetchers = fetchers.ToDictionary(
            f => f.Key,
            f => new Lazy<IDocumentFetcher>(() => f.Value(resources.Options), LazyThreadSafetyMode.ExecutionAndPublication));
        _path = new ArticlePath(this);
    }

    /// <summary>The options it was built with (checked).</summary>
    public PipelineOptions Options { get; }

    /// <summary>The model files in use.</summary>
    public ModelFiles Models { get; }

    /// <summary>The actor gazetteer.</summary>
    public ActorGazetteer Actors { get; }

    /// <summary>The cleaner.</summary>
    public ArticleCleaner Cleaner { get; }

    /// <summary>The fact extractor.</summary>
    public FactExtractor Extractor { get; }

    /// <summary>The trained model deciding facts, or null when rules decide alone (or another scorer does).</summary>
    public FactModel? FactModel => Extractor.Scorer as FactModel;

    /// <summary>The record builder.</summary>
    public RecordBuilder Records { get; }

    /// <summary>The names of the article stages after fetching, in the order they run.</summary>
    public IReadOnlyList<string> StageNames { get; }

    /// <summary>The article stages after fetching, in the order they run.</summary>
    internal IReadOnlyList<NamedStage> Stages { get; }

    /// <summary>Version of pipeline and scorer, for provenance and incremental runs.</summary>
    public string Version => $"extract {ModelFiles.AssemblyVersion}; model {Extractor.Scorer switch { null => "rules-only", FactModel m => m.Version, var s => s.GetType().Name }}";

    /// <summary>Builds a pipeline with the default stages; see <see cref="ExtractionPipelineBuilder.Build"/> for what it throws.</summary>
    public static ExtractionPipeline Create(PipelineOptions? options = null) => new ExtractionPipelineBuilder(options).Build();

    /// <summary>Fetches one input with the fetcher for its kind.</summary>
    public Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken ct) =>
        _fetchers.TryGetValue(item.Kind, out var fetcher)
            ? fetcher.Value.FetchAsync(item, ct)
            : Task.FromResult(FetchOutcome.Fail(item.ArticleId, $"no fetcher for {item.Kind} inputs"));

    /// <summary>
    /// Runs the article path for one input: fetch, then the stages (all of them, or with <see cref="ArticleStep.Clean"/>
    /// those before <see cref="ArticleStages.Extract"/>); never throws except on cancellation.
    /// </summary>
    public Task<ArticleOutcome> ProcessAsync(InputItem item, CancellationToken ct, ArticleStep last = ArticleStep.Extract) =>
        _path.RunAsync(item, last, null, null, ct);

    /// <summary>The article path of a batch: with its plan (reuse of stored results), stage times, and the source that found the input (or null).</summary>
    internal Task<ArticleOutcome> ProcessAsync(InputItem item, RunPlan plan, StageTimes times, CancellationToken ct, IRunSource? source = null) =>
        _path.RunAsync(item, ArticleStep.Extract, plan, times, ct, source);

    /// <summary>Processes inputs in parallel (<see cref="PipelineOptions.Parallelism"/> at once); results come back in input order.</summary>
    public async Task<ArticleOutcome[]> ProcessAllAsync(IReadOnlyList<InputItem> items, CancellationToken ct, ArticleStep last = ArticleStep.Extract, Action<ArticleOutcome>? onDone = null)
    {
        var results = new ArticleOutcome[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism, CancellationToken = ct },
            async (i, token) =>
            {
                results[i] = await ProcessAsync(items[i], token, last);
                onDone?.Invoke(results[i]);
            });
        return results;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var fetcher in _fetchers.Values)
        {
            if (fetcher.IsValueCreated && fetcher.Value is IDisposable d)
            {
                d.Dispose();
            }
        }
    }
}
