namespace Extraction.Clean;

/// <summary>Metadata found in a page (JSON-LD, OpenGraph, meta tags, bylines).</summary>
public sealed record PageMetadata(string? Title = null, string? Url = null, string? Published = null, string? Author = null, string? Body = null);
