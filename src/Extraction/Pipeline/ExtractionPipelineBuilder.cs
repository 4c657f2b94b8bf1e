using Extraction.Clean;
using Extraction.Dedup;
using Extraction.Facts;
using Extraction.Fetch;
using Extraction.Ml;
using Extraction.Ml.Ner;
using Extraction.Pipeline.Stages;

namespace Extraction.Pipeline;

/// <summary>
/// Composes a pipeline from its stages: a fetcher per input kind, the cleaner, the fact extractor
/// (text, recognise, link and decide, with an optional scorer) and the record builder (dedup).
/// Each has a default; <c>Use...</c> replaces one without touching the others. After fetching, an
/// article runs an ordered list of named stages (<see cref="ArticleStages.Clean"/>, then
/// <see cref="ArticleStages.Extract"/>); <see cref="InsertStageBefore"/>, <see cref="InsertStageAfter"/>
/// and <see cref="AddStage"/> plug a new one in. <see cref="Build"/> checks every option first, then
/// makes an immutable, thread-safe <see cref="ExtractionPipeline"/>.
/// </summary>
public sealed class ExtractionPipelineBuilder
{
    private readonly Dictionary<InputKind, Func<PipelineOptions, IDocumentFetcher>> _fetchers = new()
    {
        [InputKind.File] = o => new FileFetcher(o.MaxFileBytes),
        [InputKind.Url] = o => new HttpFetcher(o.Http),
    };

    private Func<PipelineResources, ArticleCleaner> _cleaner = r => new ArticleCleaner(BoilerplateRules.Load(r.Models));
    private Func<PipelineResources, IFactScorer?> _scorer = r => r.Options.UseModel ? FactModelFile.TryLoad(r.Models) : null;
    private readonly List<Action<FactExtractorBuilder, PipelineResources>> _factParts = [];
    private Func<PipelineResources, IFactScorer?, FactExtractor>? _extractor;
    private Func<PipelineResources, RecordBuilder> _records = r => new RecordBuilder(r.Actors);

    private readonly List<(string Name, Func<ArticleStageContext, IArticleStage> Create)> _stages =
    [
        (ArticleStages.Clean, c => new CleanStage(c.Cleaner)),
        (ArticleStages.Extract, c => new ExtractStage(c.Extractor, c.Resources.Options.Explain)),
    ];

    /// <summary>A builder with the default stages and <paramref name="options"/> (default options when null).</summary>
    public ExtractionPipelineBuilder(PipelineOptions? options = null)
    {
        Options = options ?? new PipelineOptions();
    }

    /// <summary>The options the pipeline is built with.</summary>
    public PipelineOptions Options { get; set; }

    /// <summary>Sets the options.</summary>
    public ExtractionPipelineBuilder WithOptions(PipelineOptions options)
    {
        Options = options;
        return this;
    }

    /// <summary>Fetches inputs of <paramref name="kind"/> with the fetcher <paramref name="create"/> makes (on first use; disposed with the pipeline when disposable).</summary>
    public ExtractionPipelineBuilder UseFetcher(InputKind kind, Func<PipelineOptions, IDocumentFetcher> create)
    {
        _fetchers[kind] = create;
        return this;
    }

    /// <summary>Cleans with the cleaner <paramref name="create"/> makes.</summary>
    public ExtractionPipelineBuilder UseCleaner(Func<PipelineResources, ArticleCleaner> create)
    {
        _cleaner = create;
        return this;
    }

    /// <summary>Decides candidates with the scorer <paramref name="create"/> makes (null: rules alone); by default the trained model unless <see cref="PipelineOptions.UseModel"/> is off.</summary>
    public ExtractionPipelineBuilder UseScorer(Func<PipelineResources, IFactScorer?> create)
    {
        _scorer = create;
        return this;
    }

    /// <summary>
    /// Adds parts to the default fact extractor: <paramref name="configure"/> gets its
    /// <see cref="FactExtractorBuilder"/> (scorer already set) and the loaded resources, e.g.
    /// <c>(facts, r) => facts.AddActorSource(new MySource(r.Models))</c>.
    /// </summary>
    public ExtractionPipelineBuilder ConfigureFacts(Action<FactExtractorBuilder, PipelineResources> configure)
    {
        _factParts.Add(configure ?? throw new ArgumentNullException(nameof(configure)));
        return this;
    }

    /// <summary>Extracts facts with the extractor <paramref name="create"/> makes from the resources and the scorer, instead of the default one (and its <see cref="ConfigureFacts"/> parts).</summary>
    public ExtractionPipelineBuilder UseFactExtractor(Func<PipelineResources, IFactScorer?, FactExtractor> create)
    {
        _extractor = create;
        return this;
    }

    /// <summary>Deduplicates with the record builder <paramref name="create"/> makes.</summary>
    public ExtractionPipelineBuilder UseRecordBuilder(Func<PipelineResources, RecordBuilder> create)
    {
        _records = create;
        return this;
    }

    /// <summary>The names of the article stages in the order they run.</summary>
    public IReadOnlyList<string> StageNames => _stages.Select(s => s.Name).ToList();

    /// <summary>
    /// Runs the stage <paramref name="create"/> makes (at <see cref="Build"/>) right before the stage named
    /// <paramref name="before"/>; throws <see cref="ArgumentException"/> for an unknown anchor or a bad or taken name.
    /// </summary>
    /// <param name="before">An existing stage, e.g. <see cref="ArticleStages.Extract"/>.</param>
    /// <param name="name">The new stage's name: lower-case letters, digits and '-' (it becomes run.json's "process.NAME").</param>
    /// <param name="create">Makes the stage from what the pipeline loaded and made.</param>
    public ExtractionPipelineBuilder InsertStageBefore(string before, string name, Func<ArticleStageContext, IArticleStage> create) =>
        InsertStage(IndexOf(before, nameof(before)), name, create);

    /// <summary>Runs the stage <paramref name="create"/> makes right after the stage named <paramref name="after"/>; see <see cref="InsertStageBefore"/>.</summary>
    public ExtractionPipelineBuilder InsertStageAfter(string after, string name, Func<ArticleStageContext, IArticleStage> create) =>
        InsertStage(IndexOf(after, nameof(after)) + 1, name, create);

    /// <summary>Runs the stage <paramref name="create"/> makes after all others; see <see cref="InsertStageBefore"/>.</summary>
    public ExtractionPipelineBuilder AddStage(string name, Func<ArticleStageContext, IArticleStage> create) =>
        InsertStage(_stages.Count, name, create);

    /// <summary>
    /// Checks every option (throws <see cref="PipelineOptionException"/> naming the bad one), loads the
    /// model files (throws <see cref="FileNotFoundException"/> or <see cref="FormatException"/> for a
    /// missing or broken one) and makes the stages.
    /// </summary>
    public ExtractionPipeline Build()
    {
        var options = Options;
        PipelineOptionsValidator.Validate(options);
        var models = options.ModelsFolder is null ? ModelFiles.Embedded : new ModelFiles(options.ModelsFolder);

        // The organisation recogniser's table loads beside the gazetteer and the fact model (two cores: a
        // one-article run with the models waits for the slower of them, not for both).
        var org = _extractor is null && options.UseModel ? Task.Run(() => OrgRecognizer.TryLoad(models)) : null;
        var resources = new PipelineResources(options, models, ActorGazetteer.Load(models), CueLexicon.Load(models));
        var cleaner = _cleaner(resources);
        var scorer = _scorer(resources);
        var extractor = _extractor is not null ? _extractor(resources, scorer) : DefaultExtractor(resources, scorer, org);
        var records = _records(resources);
        var fetchers = _fetchers.ToDictionary(f => f.Key, f => f.Value);
        var context = new ArticleStageContext(resources, cleaner, extractor);
        var stages = _stages.Select(s => new NamedStage(s.Name, s.Create(context) ?? throw new InvalidOperationException($"the factory of stage '{s.Name}' returned null"))).ToArray();
        return new ExtractionPipeline(resources, fetchers, cleaner, extractor, records, stages);
    }

    private int IndexOf(string stage, string parameter)
    {
        var at = _stages.FindIndex(s => s.Name == stage);
        return at >= 0 ? at : throw new ArgumentException($"no article stage named '{stage}' (there are: {string.Join(", ", StageNames)})", parameter);
    }

    private ExtractionPipelineBuilder InsertStage(int at, string name, Func<ArticleStageContext, IArticleStage> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (string.IsNullOrEmpty(name) || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new ArgumentException($"a stage name is lower-case letters, digits and '-' (got '{name}')", nameof(name));
        }

        // fetch and store are timed on the path itself (run.json "process.fetch", "process.store").
        if (name is "fetch" or "store" || _stages.Exists(s => s.Name == name))
        {
            throw new ArgumentException($"the stage name '{name}' is taken", nameof(name));
        }

        _stages.Insert(at, (name, create));
        return this;
    }

    private FactExtractor DefaultExtractor(PipelineResources resources, IFactScorer? scorer, Task<OrgRecognizer?>? org)
    {
        var facts = new FactExtractorBuilder(resources.Actors, resources.Cues).WithScorer(scorer);

        // The organisation recogniser (models/org-ner.tsv) proposes actors the gazetteer lacks; it is ML, so --rules-only leaves it out.
        if (resources.Options.UseModel && (org is not null ? org.GetAwaiter().GetResult() : OrgRecognizer.TryLoad(resources.Models)) is { } recognizer)
        {
            facts.AddActorSource(new OrgActorSource(recognizer, resources.Actors));
        }

        foreach (var configure in _factParts)
        {
            configure(facts, resources);
        }

        return facts.Build();
    }
}
