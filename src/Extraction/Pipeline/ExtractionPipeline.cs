using System.Diagnostics;
using Extraction.Clean;
using Extraction.Dedup;
using Extraction.Facts;
using Extraction.Fetch;
using Extraction.Ml;
using Extraction.Ml.Ner;
using Extraction.Model;

namespace Extraction.Pipeline;

/// <summary>Options of a pipeline; validated when it is built.</summary>
public sealed record PipelineOptions
{
    /// <summary>Folder with model files overriding the embedded ones, or null.</summary>
    public string? ModelsFolder { get; init; }

    /// <summary>Articles processed in parallel.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Attach explanations (rule, actor rule, strongest features) to facts.</summary>
    public bool Explain { get; init; }

    /// <summary>Use the trained fact model (models/fact-model.zip) when it exists.</summary>
    public bool UseModel { get; init; } = true;

    /// <summary>HTTP fetching options.</summary>
    public HttpFetchOptions Http { get; init; } = new();

    /// <summary>Largest file read from disk.</summary>
    public long MaxFileBytes { get; init; } = FileFetcher.DefaultMaxBytes;
}

/// <summary>What happened to one input.</summary>
public sealed record ArticleResult(InputItem Input, Article? Article, IReadOnlyList<Fact> Facts, InputFailure? Failure, string? Encoding, TimeSpan Elapsed);

/// <summary>
/// fetch -> clean -> extract for each article; dedup over the batch. Built once (options validated),
/// then reused; thread-safe, so a batch runs in parallel. One bad article never stops a batch.
/// </summary>
public sealed class ExtractionPipeline : IDisposable
{
    private readonly PipelineOptions _options;
    private readonly FileFetcher _files;
    private readonly Lazy<IDocumentFetcher> _http;

    /// <summary>Builds a pipeline; throws <see cref="ArgumentException"/> for bad options, <see cref="FileNotFoundException"/> for missing models.</summary>
    public ExtractionPipeline(PipelineOptions options, Func<HttpFetchOptions, IDocumentFetcher>? httpFactory = null)
    {
        if (options.Parallelism < 1)
        {
            throw new ArgumentException($"parallelism must be at least 1 (got {options.Parallelism})", nameof(options));
        }

        if (options.ModelsFolder is not null && !Directory.Exists(options.ModelsFolder))
        {
            throw new ArgumentException($"models folder '{options.ModelsFolder}' does not exist", nameof(options));
        }

        _options = options;
        Models = options.ModelsFolder is null ? ModelStore.Embedded : new ModelStore(options.ModelsFolder);
        Actors = ActorGazetteer.Load(Models);
        Cleaner = new ArticleCleaner(BoilerplateRules.Load(Models));
        var cues = CueLexicon.Load(Models);
        Model = options.UseModel ? FactModelFile.TryLoad(Models) : null;
        var builder = new FactExtractorBuilder(Actors, cues).WithScorer(Model);
        if (options.UseModel && OrgRecognizer.TryLoad(Models) is { } org)
        {
            builder.AddActorSource(new OrgActorSource(org));
        }

        Extractor = builder.Build();
        Records = new RecordBuilder(Actors);
        _files = new FileFetcher(options.MaxFileBytes);
        _http = new Lazy<IDocumentFetcher>(() => (httpFactory ?? DefaultHttp)(options.Http), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private static IDocumentFetcher DefaultHttp(HttpFetchOptions options) => new HttpFetcher(options);

    /// <summary>The model store in use.</summary>
    public ModelStore Models { get; }

    /// <summary>The actor gazetteer.</summary>
    public ActorGazetteer Actors { get; }

    /// <summary>The cleaner.</summary>
    public ArticleCleaner Cleaner { get; }

    /// <summary>The fact extractor.</summary>
    public FactExtractor Extractor { get; }

    /// <summary>The trained model, or null when rules decide alone.</summary>
    public FactModel? Model { get; }

    /// <summary>The record builder.</summary>
    public RecordBuilder Records { get; }

    /// <summary>Version of pipeline and model, for provenance and incremental runs.</summary>
    public string Version => $"extract {ModelStore.AssemblyVersion}; model {Model?.Version ?? "rules-only"}";

    /// <summary>Fetches one input with the fetcher for its kind.</summary>
    public Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken ct) =>
        item.Kind == InputKind.Url ? _http.Value.FetchAsync(item, ct) : _files.FetchAsync(item, ct);

    /// <summary>Runs fetch, clean and extract for one input; never throws except on cancellation.</summary>
    public async Task<ArticleResult> ProcessAsync(InputItem item, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var fetched = await FetchAsync(item, ct);
            if (fetched.Failure is not null)
            {
                return new ArticleResult(item, null, [], fetched.Failure, null, clock.Elapsed);
            }

            var cleaned = Cleaner.Clean(fetched.Document!);
            if (cleaned.Failure is not null)
            {
                return new ArticleResult(item, null, [], cleaned.Failure, cleaned.Encoding, clock.Elapsed);
            }

            var article = cleaned.Article!;
            if (article.Text.Length == 0)
            {
                return new ArticleResult(item, null, [], new InputFailure(item.ArticleId, "no article text found after cleaning"), cleaned.Encoding, clock.Elapsed);
            }

            var facts = Extractor.Extract(article, _options.Explain);
            return new ArticleResult(item, article, facts, null, cleaned.Encoding, clock.Elapsed);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new ArticleResult(item, null, [], new InputFailure(item.ArticleId, $"internal error: {ex.GetType().Name}: {ex.Message}"), null, clock.Elapsed);
        }
    }

    /// <summary>Processes inputs in parallel; results come back in input order.</summary>
    public async Task<ArticleResult[]> ProcessAllAsync(IReadOnlyList<InputItem> items, CancellationToken ct, Action<ArticleResult>? onDone = null)
    {
        var results = new ArticleResult[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = ct },
            async (i, token) =>
            {
                results[i] = await ProcessAsync(items[i], token);
                onDone?.Invoke(results[i]);
            });
        return results;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_http.IsValueCreated && _http.Value is IDisposable d)
        {
            d.Dispose();
        }
    }
}
