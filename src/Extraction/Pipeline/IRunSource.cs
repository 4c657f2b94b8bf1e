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
