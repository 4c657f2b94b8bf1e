namespace Extraction.Facts;

/// <summary>An actor named in text: token range, canonical name, group and type.</summary>
public sealed record ActorMention(int FirstToken, int LastToken, int Start, int End, string Canonical, string Group, string Type);
