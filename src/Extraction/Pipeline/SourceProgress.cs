namespace Extraction.Pipeline;

/// <summary>Tells the source about its inputs as they are done, and the run's progress about all of them.</summary>
internal sealed class SourceProgress(IRunProgress? inner, IRunSource source, IReadOnlySet<string> sourceIds) : IRunProgress
{
    public void Started(int total, int alreadyDone) => inner?.Started(total, alreadyDone);

    public void ArticleDone(ArticleOutcome outcome)
    {
        if (sourceIds.Contains(outcome.Input.ArticleId))
        {
            source.Done(outcome);
        }

        inner?.ArticleDone(outcome);
    }
}
