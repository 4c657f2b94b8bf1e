namespace Extraction.Corpus;

/// <summary>Options of a generated corpus; validated when the generator is built.</summary>
public sealed record CorpusOptions
{
    /// <summary>Folder with the sample articles whose shells and paragraphs are recombined.</summary>
    public required string SamplesFolder { get; init; }

    /// <summary>Articles to write.</summary>
    public int Count { get; init; } = 1000;

    /// <summary>Seed: the same seed, samples and options give byte-identical files.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Smallest article in bytes.</summary>
    public int MinBytes { get; init; } = 5 * 1024;

    /// <summary>Largest article in bytes.</summary>
    public int MaxBytes { get; init; } = 150 * 1024;

    /// <summary>Page kinds to generate.</summary>
    public CorpusFormats Formats { get; init; } = CorpusFormats.All;

    /// <summary>How much of a page is article text.</summary>
    public CorpusProfile Profile { get; init; } = CorpusProfile.Realistic;

    internal void Validate()
    {
        if (Count < 0)
        {
            throw new ArgumentException($"count must not be negative (got {Count})", nameof(Count));
        }

        if (MinBytes < 1024 || MaxBytes < MinBytes + 2048)
        {
            throw new ArgumentException($"sizes must satisfy 1 KB <= min and min + 2 KB <= max (got {MinBytes}..{MaxBytes} bytes)", nameof(MinBytes));
        }

        if (!Directory.Exists(SamplesFolder))
        {
            throw new ArgumentException($"samples folder '{SamplesFolder}' does not exist", nameof(SamplesFolder));
        }
    }
}
