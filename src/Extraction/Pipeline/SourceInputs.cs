using Extraction.Fetch;

namespace Extraction.Pipeline;

/// <summary>The inputs a source found and the failures (a source, with its reason) met on the way.</summary>
public sealed record SourceInputs(IReadOnlyList<InputItem> Items, IReadOnlyList<InputFailure> Failures);
