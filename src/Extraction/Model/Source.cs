namespace Extraction.Model;

/// <summary>Where a record's claim was seen.</summary>
public sealed record Source(string Article, string Sentence, string Text);
