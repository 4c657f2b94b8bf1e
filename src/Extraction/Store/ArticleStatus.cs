namespace Extraction.Store;

/// <summary>What a run did with an input.</summary>
public enum ArticleStatus
{
    /// <summary>Cleaned and extracted in this run.</summary>
    Processed,

    /// <summary>Same content and pipeline as a stored result: article and facts carried over.</summary>
    Reused,

    /// <summary>Could not be turned into an article; the reason is kept.</summary>
    Failed,
}
