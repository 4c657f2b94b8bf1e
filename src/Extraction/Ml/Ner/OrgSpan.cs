namespace Extraction.Ml.Ner;

/// <summary>An organisation name found in a text: its characters [Start, End) and the name.</summary>
public readonly record struct OrgSpan(int Start, int End, string Name);
