namespace Extraction.Corpus;

/// <summary>What a generator wrote.</summary>
public sealed record CorpusSummary(int Articles, int Html, int Text, long Bytes);
