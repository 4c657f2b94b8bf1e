using Extraction.Fetch;

namespace Extraction.Pipeline;

/// <summary>Options of a pipeline; checked by <see cref="ExtractionPipelineBuilder.Build"/>, all of them, before anything runs.</summary>
public sealed record PipelineOptions
{
    /// <summary>Folder with model files overriding the embedded ones, or null.</summary>
    public string? ModelsFolder { get; init; }

    /// <summary>Articles processed in parallel.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Attach explanations (rule, actor rule, strongest features) to facts; part of the store's cache key.</summary>
    public bool Explain { get; init; }

    /// <summary>Use the trained fact model (models/fact-model.zip) when it exists.</summary>
    public bool UseModel { get; init; } = true;

    /// <summary>HTTP fetching options.</summary>
    public HttpFetchOptions Http { get; init; } = new();

    /// <summary>Largest file read from disk.</summary>
    public long MaxFileBytes { get; init; } = FileFetcher.DefaultMaxBytes;
}
