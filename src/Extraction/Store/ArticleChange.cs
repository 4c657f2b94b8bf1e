namespace Extraction.Store;

/// <summary>How an input compares with the last completed run.</summary>
public enum ArticleChange
{
    New,
    Changed,
    Unchanged,
}
