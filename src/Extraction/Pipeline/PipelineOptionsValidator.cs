using Extraction.Fetch;

namespace Extraction.Pipeline;

/// <summary>Checks every <see cref="PipelineOptions"/> value once, when a pipeline is built, whatever the inputs will be.</summary>
internal static class PipelineOptionsValidator
{
    /// <summary>The most articles in flight at once; more only costs memory.</summary>
    public const int MaxParallelism = 1024;

    /// <summary>Throws <see cref="PipelineOptionException"/> naming the first bad option.</summary>
    public static void Validate(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Parallelism is < 1 or > MaxParallelism)
        {
            throw new PipelineOptionException(nameof(options.Parallelism), $"parallelism must be between 1 and {MaxParallelism} (got {options.Parallelism})");
        }

        if (options.ModelsFolder is not null && !Directory.Exists(options.ModelsFolder))
        {
            throw new PipelineOptionException(nameof(options.ModelsFolder), $"models folder '{options.ModelsFolder}' does not exist");
        }

        if (options.MaxFileBytes < 1 || options.MaxFileBytes > Array.MaxLength)
        {
            throw new PipelineOptionException(nameof(options.MaxFileBytes), $"MaxFileBytes must be between 1 and {Array.MaxLength}, was {options.MaxFileBytes}.");
        }

        // Checked here although only URLs use them: a bad value is a mistake on any input.
        if (HttpFetchOptionsValidator.Problem(options.Http ?? throw new PipelineOptionException(nameof(options.Http), "Http options are missing")) is { } http)
        {
            throw new PipelineOptionException($"{nameof(options.Http)}.{http.Option}", http.Reason);
        }
    }
}
