namespace Extraction.Clean;

/// <summary>What a block of page text is, as far as its container tells.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
}
