using Extraction.Facts;

namespace Extraction.Pipeline.Stages;

/// <summary>The built-in "extract" stage: the facts of the article the stages before it made.</summary>
internal sealed class ExtractStage(FactExtractor extractor, bool explain) : IArticleStage
{
    public ArticleWork Run(ArticleWork work)
    {
        var article = work.Article ?? throw new InvalidOperationException("no stage before 'extract' made an article");
        return work with { Facts = extractor.Extract(article, explain) };
    }
}
