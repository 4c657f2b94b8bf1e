using Extraction.Fetch;

namespace Extraction.Pipeline;

/// <summary>What a source may use while resolving: the store file, the pipeline's fetcher, and whether a stored result can be reused.</summary>
/// <param name="StorePath">The run store, or null when the run has none.</param>
/// <param name="Fetch">The pipeline's fetcher (robots.txt, limits, breakers, host delay).</param>
/// <param name="HasResult">Whether the store holds a result for (article id, SHA-256) under this run's pipeline; false for --full.</param>
public sealed record RunSourceContext(
    string? StorePath,
    Func<InputItem, CancellationToken, Task<FetchOutcome>> Fetch,
    Func<string, string, bool> HasResult);
