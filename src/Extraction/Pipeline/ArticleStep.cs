namespace Extraction.Pipeline;

/// <summary>The last step of the article path to run.</summary>
public enum ArticleStep
{
    /// <summary>Fetch and clean: the article without facts (<c>extract clean</c>).</summary>
    Clean,

    /// <summary>Fetch, clean and extract the facts.</summary>
    Extract,
}
