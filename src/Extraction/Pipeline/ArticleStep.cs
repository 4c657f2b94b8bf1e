namespace Extraction.Pipeline;

/// <summary>The last step of the article path to run.</summary>
public enum ArticleStep
{
    /// <summary>Fetch and the stages before <see cref="ArticleStages.Extract"/>: the article without facts (<c>extract clean</c>).</summary>
    Clean,

    /// <summary>Fetch and every stage: the article and its facts.</summary>
    Extract,
}
