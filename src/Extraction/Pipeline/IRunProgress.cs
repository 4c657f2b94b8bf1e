namespace Extraction.Pipeline;

/// <summary>Receives progress of a run; called from worker threads.</summary>
public interface IRunProgress
{
    /// <summary>The inputs are known: <paramref name="total"/> articles, of which <paramref name="alreadyDone"/> were done by the interrupted run being resumed.</summary>
    void Started(int total, int alreadyDone);

    /// <summary>One article is done (and committed to the store).</summary>
    void ArticleDone(ArticleOutcome outcome);
}
