using Extraction.Model;

namespace Extraction.Store;

/// <summary>One article's outcome to commit: the run entry and, for a processed article, its result.</summary>
public sealed record ArticleCommit(RunArticle Entry, Article? Article, IReadOnlyList<Fact> Facts, string? Encoding);
