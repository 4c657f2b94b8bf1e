using Extraction.Fetch;
using Extraction.Pipeline;

namespace Extraction.Ml.Ner;

/// <summary>
/// The unlabelled sentences word clusters are built from: the tokens of GermEval files (labels
/// ignored) and the cleaned text of articles and pages (files or folders; HTML cleaned by the
/// pipeline as `extract clean` does), every line tokenised as the recogniser tokenises. Read in
/// ordinal order of the article ids, so the same inputs give the same sentences.
/// </summary>
public static class ClusterCorpus
{
    /// <summary>The sentences of the inputs, with the number of articles that could not be read (named on <paramref name="errors"/>).</summary>
    public static async Task<(List<IReadOnlyList<string>> Sentences, int Articles, int Failed)> ReadAsync(
        ExtractionPipeline pipeline, IReadOnlyList<string> germEvalFiles, IReadOnlyList<string> textInputs, TextWriter errors, CancellationToken ct)
    {
        var sentences = new List<IReadOnlyList<string>>();
        foreach (var s in GermEvalReader.Read([.. germEvalFiles]))
        {
            sentences.Add(s.Tokens);
        }

        var (items, failures) = InputResolver.Resolve(textInputs);
        var failed = failures.Count;
        foreach (var f in failures)
        {
            await errors.WriteLineAsync($"{f.Input}: {f.Reason}");
        }

        var articles = 0;
        foreach (var item in items.OrderBy(i => i.ArticleId, StringComparer.Ordinal))
        {
            var outcome = await pipeline.ProcessAsync(item, ct, ArticleStep.Clean);
            if (outcome.Failure is { } failure)
            {
                await errors.WriteLineAsync($"{failure.Input}: {failure.Reason}");
                failed++;
                continue;
            }

            articles++;
            foreach (var line in outcome.Article!.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var tokens = OrgRecognizer.Tokenize(line);
                if (tokens.Count > 0)
                {
                    sentences.Add(tokens);
                }
            }
        }

        return (sentences, articles, failed);
    }
}
