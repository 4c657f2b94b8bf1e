namespace Extraction.Pipeline;

/// <summary>
/// One step of the article path after fetching (clean, extract, or one a builder inserts between or after them).
/// Made once per pipeline and called from parallel workers, so it must be thread-safe.
/// </summary>
public interface IArticleStage
{
    /// <summary>Turns the work so far into the next; a failure is returned with <see cref="ArticleWork.Fail"/>, not thrown.</summary>
    ArticleWork Run(ArticleWork work);
}
