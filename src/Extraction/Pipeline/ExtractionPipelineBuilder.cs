using Extraction.Clean;
using Extraction.Dedup;
using Extraction.Facts;
using Extraction.Fetch;
using Extraction.Ml;
using Extraction.Ml.Ner;

namespace Extraction.Pipeline;

/// <summary>
/// Composes a pipeline from its stages: a fetcher per input kind, the cleaner, the fact extractor
/// (text, recognise, link and decide, with an optional scorer) and the record builder (dedup).
/// Each has a default; <c>Use...</c> replaces one without touching the others. <see cref="Build"/>
/// checks every option first, then makes an immutable, thread-safe <see cref="ExtractionPipeline"/>.
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
        var resources = new PipelineResources(options, models, ActorGazetteer.Load(models), CueLexicon.Load(models));
        var cleaner = _cleaner(resources);
        var scorer = _scorer(resources);
        var extractor = _extractor is not null ? _extractor(resources, scorer) : DefaultExtractor(resources, scorer);
        var records = _records(resources);
        var fetchers = _fetchers.ToDictionary(f => f.Key, f => f.Value);
        return new ExtractionPipeline(resources, fetchers, cleaner, extractor, records);
    }

    private FactExtractor DefaultExtractor(PipelineResources resources, IFactScorer? scorer)
    {
        var facts = new FactExtractorBuilder(resources.Actors, resources.Cues).WithScorer(scorer);

        // The organisation recogniser (models/org-ner.tsv) proposes actors the gazetteer lacks; it is ML, so --rules-only leaves it out.
        if (resources.Options.UseModel && OrgRecognizer.TryLoad(resources.Models) is { } org)
        {
            facts.AddActorSource(new OrgActorSource(org, resources.Actors));
        }

        foreach (var configure in _factParts)
        {
            configure(facts, resources);
        }

        return facts.Build();
    }
}
