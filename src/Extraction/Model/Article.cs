namespace Extraction.Model;

/// <summary>An article after cleaning: its main text plus metadata, ready for extraction.</summary>
public sealed record Article(
    string Id,
    string Title,
    string Text,
    int Removed,
    string? Url = null,
    string? Published = null,
    string? Author = null);
