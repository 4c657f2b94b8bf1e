using Extraction.Output;

namespace Extraction.Store;

/// <summary>
/// An <see cref="ArticleCommit"/> with the stored JSON of its article and facts already made: a batch
/// run makes it on the worker that processed the article, so the one thread that commits only writes.
/// </summary>
public sealed class PreparedCommit
{
    private PreparedCommit(ArticleCommit commit, string? articleJson, string? factsJson)
    {
        Commit = commit;
        ArticleJson = articleJson;
        FactsJson = factsJson;
    }

    /// <summary>What is committed.</summary>
    public ArticleCommit Commit { get; }

    /// <summary>The article's stored JSON, or null when nothing of it is stored (a failure, a reused result).</summary>
    internal string? ArticleJson { get; }

    /// <summary>The facts' stored JSON array, or null when the article is not stored.</summary>
    internal string? FactsJson { get; }

    /// <summary>Makes the stored JSON of a commit.</summary>
    public static PreparedCommit Of(ArticleCommit commit) => Of(commit, null);

    /// <summary>
    /// Makes the stored JSON of a commit whose article's articles.jsonl line (UTF-8, as
    /// <see cref="JsonFormats.WriteArticle"/> wrote it for this article) is at hand: the store keeps that line.
    /// </summary>
    public static PreparedCommit Of(ArticleCommit commit, byte[]? articleLine) =>
        commit.Entry.Status == ArticleStatus.Processed && commit.Article is { } article
            ? new(commit, articleLine is null ? ResultCodec.Write(article) : System.Text.Encoding.UTF8.GetString(articleLine), ResultCodec.WriteFacts(commit.Facts, article))
            : new(commit, null, null);
}
