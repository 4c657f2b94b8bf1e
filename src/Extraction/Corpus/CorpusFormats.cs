namespace Extraction.Corpus;

/// <summary>Which page kinds a generated corpus holds.</summary>
public enum CorpusFormats
{
    /// <summary>HTML pages and text dumps, in the proportion of the sample shells.</summary>
    All,

    /// <summary>HTML pages only.</summary>
    Html,

    /// <summary>Text dumps and Markdown exports only.</summary>
    Text,
}
