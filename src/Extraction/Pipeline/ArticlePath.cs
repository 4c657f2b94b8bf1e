using System.Diagnostics;
using Extraction.Fetch;
using Extraction.Store;

namespace Extraction.Pipeline;

/// <summary>
/// The one path of an article: fetch; in a batch, hash the bytes and reuse the store's result for the
/// same content; then the pipeline's stages in order (clean, extract, and any a builder inserted).
/// Every failure comes back as a value with its kind, a stage that throws included; only cancellation throws.
/// </summary>
internal sealed class ArticlePath(ExtractionPipeline pipeline)
{
    /// <summary>
    /// Runs the path for one input up to <paramref name="last"/>; <paramref name="plan"/> (a batch's) enables reuse,
    /// <paramref name="times"/> collects stage times; an input found by a <paramref name="source"/> (a feed) is fetched
    /// by it (which may answer "unchanged" without a request) and its article completed by it.
    /// </summary>
    public async Task<ArticleOutcome> RunAsync(InputItem item, ArticleStep last, RunPlan? plan, StageTimes? times, CancellationToken ct, IRunSource? source = null)
    {
        var clock = Stopwatch.StartNew();
        string? sha = null;
        ArticleChange? change = null;
        try
        {
            var mark = Stopwatch.GetTimestamp();
            var fetched = source is null ? await pipeline.FetchAsync(item, ct) : await source.FetchAsync(item, ct);
            if (fetched.NotModified && (plan is null || fetched.UnchangedSha256 is not { } known || !plan.HasResult(item.ArticleId, known)))
            {
                // Unchanged, but the stored result is not usable (gone, another pipeline, --full): fetch the page whole.
                fetched = await pipeline.FetchAsync(item with { Conditions = null }, ct);
            }

            // A fetch cut short by Ctrl+C is not a failure of the input; the next run fetches it again.
            if (fetched.Failure is not null)
            {
                ct.ThrowIfCancellationRequested();
            }

            times?.Fetch(Stopwatch.GetTimestamp() - mark);
            if (fetched.Failure is { } failed)
            {
                return ArticleOutcome.Failed(item, failed, null, clock.Elapsed);
            }

            var doc = fetched.Document;
            if (plan is not null)
            {
                sha = doc is null ? fetched.UnchangedSha256! : ResultCodec.Sha256(doc.Content);
                change = plan.Change(item, sha);
                mark = Stopwatch.GetTimestamp();
                var stored = plan.Reusable(item, sha);
                times?.Store(Stopwatch.GetTimestamp() - mark);
                if (stored is not null)
                {
                    return new ArticleOutcome(item, stored.Article, stored.Facts, null, stored.Encoding, clock.Elapsed)
                    {
                        Sha256 = sha, Change = change, Status = ArticleStatus.Reused, ReusedResultId = stored.Id,
                    };
                }
            }

            if (doc is null)
            {
                // Only a 304 whose stored result vanished between planning and now gets here.
                return ArticleOutcome.Failed(item, new InputFailure(item.ArticleId, "not modified, but its stored result is gone; the next run fetches it") { Kind = FailureKind.Fetch }, null, clock.Elapsed);
            }

            var work = new ArticleWork(item, doc) { Source = source };
            var stages = pipeline.Stages;
            for (var i = 0; i < stages.Count; i++)
            {
                if (last == ArticleStep.Clean && stages[i].Name == ArticleStages.Extract)
                {
                    break;
                }

                mark = Stopwatch.GetTimestamp();
                work = stages[i].Stage.Run(work);
                times?.Stage(i, Stopwatch.GetTimestamp() - mark);
                if (work.Failure is { } failure)
                {
                    return ArticleOutcome.Failed(item, failure, work.Encoding, clock.Elapsed) with { Sha256 = sha, Change = change };
                }
            }

            var article = work.Article ?? throw new InvalidOperationException("no article stage made an article");
            return new ArticleOutcome(item, article, work.Facts, null, work.Encoding, clock.Elapsed) { Sha256 = sha, Change = change };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A bug in a stage fails this article, named, and the batch goes on.
            var error = new InputFailure(item.ArticleId, $"internal error: {ex.GetType().Name}: {ex.Message}") { Kind = FailureKind.Internal };
            return ArticleOutcome.Failed(item, error, null, clock.Elapsed) with { Sha256 = sha, Change = change };
        }
    }
}
