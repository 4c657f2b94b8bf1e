namespace Extraction.Pipeline;

/// <summary>
/// The names of the built-in article stages, for <see cref="ExtractionPipelineBuilder.InsertStageBefore"/> and
/// <see cref="ExtractionPipelineBuilder.InsertStageAfter"/>. A stage's name is also its run.json timing ("process.NAME").
/// </summary>
public static class ArticleStages
{
    /// <summary>Decode and clean the page into an article (with the metadata a feed knows); no text left is a failure.</summary>
    public const string Clean = "clean";

    /// <summary>Find the article's facts. <c>extract clean</c> runs every stage before this one.</summary>
    public const string Extract = "extract";
}
