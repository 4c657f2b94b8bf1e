namespace Extraction.Clean;

/// <summary>One block of text (a paragraph, heading or list item) in page order.</summary>
public sealed record Block(string Text, BlockKind Kind)
{
    /// <summary>
    /// Lines of a text dump not parted by a blank line share a group (one box on the page);
    /// -1 when the source says nothing about it (HTML, dumps without blank lines).
    /// </summary>
    public int Group { get; init; } = -1;
}
