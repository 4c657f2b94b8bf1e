using System.Text.Json;
using Extraction.Fetch;
using Extraction.Model;

namespace Extraction.Pipeline;

/// <summary>
/// Inputs found at run time (news feeds, sitemaps) by a source that also fetches them (skipping what it knows
/// unchanged), completes their articles' metadata and reports on them. The batch runner calls it at these points only.
/// </summary>
public interface IRunSource
{
    /// <summary>What the source stands for in the store's record of the run's inputs (a resumed run must name the same).</summary>
    IReadOnlyList<string> Inputs { get; }

    /// <summary>Finds the inputs, once the store is open and locked; a source that cannot be read is a failure naming it.</summary>
    Task<SourceInputs> ResolveAsync(RunSourceContext context, CancellationToken cancellationToken);

    /// <summary>Fetches one of its inputs, or returns <see cref="FetchOutcome.Unchanged"/> with the stored copy's SHA-256.</summary>
    Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken);

    /// <summary>Fills what the cleaned page lacks (title, date, author) from what the source knows.</summary>
    Article Complete(InputItem item, Article article);

    /// <summary>One of its inputs is done (committed when there is a store); called from worker threads.</summary>
    void Done(ArticleOutcome outcome);

    /// <summary>Writes the source's section of run.json as properties of its top object.</summary>
    void WriteJson(Utf8JsonWriter writer);
}

/// <summary>What a source may use while resolving: the store file, the pipeline's fetcher, and whether a stored result can be reused.</summary>
/// <param name="StorePath">The run store, or null when the run has none.</param>
/// <param name="Fetch">The pipeline's fetcher (robots.txt, limits, breakers, host delay).</param>
/// <param name="HasResult">Whether the store holds a result for (article id, SHA-256) under this run's pipeline; false for --full.</param>
public sealed record RunSourceContext(
    string? StorePath,
    Func<InputItem, CancellationToken, Task<FetchOutcome>> Fetch,
    Func<string, string, bool> HasResult);

/// <summary>The inputs a source found and the failures (a source, with its reason) met on the way.</summary>
public sealed record SourceInputs(IReadOnlyList<InputItem> Items, IReadOnlyList<InputFailure> Failures);

/// <summary>Tells the source about its inputs as they are done, and the run's progress about all of them.</summary>
internal sealed class SourceProgress(IRunProgress? inner, IRunSource source, IReadOnlySet<string> sourceIds) : IRunProgress
{
    public void Started(int total, int alreadyDone) => inner?.Started(total, alreadyDone);

    public void ArticleDone(ArticleOutcome outcome)
    {
        if (sourceIds.Contains(outcome.Input.ArticleId))
        {
            source.Done(outcome);
        }

        inner?.ArticleDone(outcome);
    }
}
