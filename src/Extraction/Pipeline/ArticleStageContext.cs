using Extraction.Clean;
using Extraction.Facts;

namespace Extraction.Pipeline;

/// <summary>What a stage factory gets when the pipeline is built: the loaded resources and the cleaner and extractor it made.</summary>
public sealed record ArticleStageContext(PipelineResources Resources, ArticleCleaner Cleaner, FactExtractor Extractor);
