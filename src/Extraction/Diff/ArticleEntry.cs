using Extraction.Model;

namespace Extraction.Diff;

/// <summary>One record's change as seen from one article; <see cref="Pair"/> is set for changed records.</summary>
public sealed record ArticleEntry(EntryChange Change, ClaimRecord Record, ChangedRecord? Pair);
