using Extraction.Clean;
using Extraction.Fetch;

namespace Extraction.Pipeline.Stages;

/// <summary>The built-in "clean" stage: the cleaner's article, completed by the input's source; no text left fails it.</summary>
internal sealed class CleanStage(ArticleCleaner cleaner) : IArticleStage
{
    public ArticleWork Run(ArticleWork work)
    {
        var cleaned = cleaner.Clean(work.Document);
        if (cleaned.Failure is { } failure)
        {
            return work with { Encoding = cleaned.Encoding, Failure = failure with { Kind = FailureKind.Clean } };
        }

        var article = work.Source is { } source ? source.Complete(work.Input, cleaned.Article!) : cleaned.Article!;
        return article.Text.Length == 0
            ? work.Fail(FailureKind.NoText, "no article text found after cleaning") with { Encoding = cleaned.Encoding }
            : work with { Article = article, Encoding = cleaned.Encoding };
    }
}
