namespace Extraction.Pipeline;

/// <summary>An article stage with the name it was registered under (its run.json timing "process.NAME").</summary>
internal sealed record NamedStage(string Name, IArticleStage Stage);
