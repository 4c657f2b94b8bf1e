namespace Extraction.Ml;

/// <summary>One labelled example: sparse binary features and the answer.</summary>
public sealed record Example(IReadOnlyList<string> Features, bool Label);
