using Extraction.Model;

namespace Extraction.Store;

/// <summary>A stored article result: the cleaned article and its facts for one content hash and pipeline.</summary>
public sealed record StoredResult(long Id, Article Article, IReadOnlyList<Fact> Facts, string? Encoding);
