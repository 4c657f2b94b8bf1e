using Extraction.Fetch;
using Extraction.Model;

namespace Extraction.Clean;

/// <summary>The outcome of cleaning one document: an article or a failure, never an exception.</summary>
public sealed record CleanOutcome(Article? Article, InputFailure? Failure, string? Encoding);
