using Extraction.Fetch;
using Extraction.Model;

namespace Extraction.Clean;

/// <summary>
/// Turns fetched bytes into an <see cref="Article"/>: decode, read blocks (HTML or text dump),
/// drop boilerplate, drop repeated sentences, pick title and metadata. Thread-safe.
/// </summary>
public sealed class ArticleCleaner(BoilerplateRules rules)
{
    private readonly BlockFilter _filter = new(rules);
    private readonly HtmlReader _html = new();

    /// <summary>Cleans one fetched document.</summary>
    public CleanOutcome Clean(FetchedDocument doc)
    {
        string text;
        string encoding;
        try
        {
            text = TextDecoder.Decode(doc.Content, doc.DeclaredCharset, doc.Format, out encoding);
        }
        catch (Exception ex)
        {
            return new CleanOutcome(null, new InputFailure(doc.Input.ArticleId, "cannot decode text: " + ex.Message), null);
        }

        if (TextDecoder.Garbled(text) is { } garbled)
        {
            return new CleanOutcome(null, new InputFailure(doc.Input.ArticleId, $"{garbled}; decoded as {encoding}"), encoding);
        }

        try
        {
            var article = CleanText(doc.Input.ArticleId, text, doc.Format, doc.Url,
                doc.Input.Location.EndsWith(".md", StringComparison.OrdinalIgnoreCase));
            return new CleanOutcome(article, null, encoding);
        }
        catch (InvalidDataException ex)
        {
            return new CleanOutcome(null, new InputFailure(doc.Input.ArticleId, ex.Message), encoding);
        }
    }

    /// <summary>Cleans already-decoded text.</summary>
    public Article CleanText(string articleId, string text, DocumentFormat format, string? url = null, bool markdown = false)
    {
        List<Block> blocks;
        PageMetadata meta;
        if (format == DocumentFormat.Html)
        {
            (blocks, meta) = _html.Read(text);
        }
        else
        {
            (blocks, meta) = TextDumpReader.ReadWithMetadata(text, markdown);
        }

        var (kept, removed, author) = _filter.Filter(blocks, format == DocumentFormat.Html);
        var (unique, duplicates) = Deduplicator.Deduplicate(kept);
        if (format == DocumentFormat.Html && Chars(unique) < FallbackBelowChars)
        {
            // Too little for an article: Readability's view of the page, cleaned the same way, if it finds
            // much more (a little more is as often an author box or a teaser list as the article).
            var (otherKept, otherRemoved, otherAuthor) = _filter.Filter(ReadabilityFallback.Read(text, url), webPage: true);
            var (otherUnique, otherDuplicates) = Deduplicator.Deduplicate(otherKept);
            if (Chars(otherUnique) > FallbackFactor * Chars(unique))
            {
                (unique, removed, duplicates, author) = (otherUnique, otherRemoved, otherDuplicates, author ?? otherAuthor);
            }
        }

        var title = meta.Title ?? GuessTitle(unique) ?? "";
        var body = string.Join("\n\n", unique.Select(b => b.Text));
        return new Article(articleId, title, body, removed + duplicates, meta.Url ?? url, meta.Published, meta.Author ?? author);
    }

    /// <summary>Main text shorter than this (in characters) asks the Readability fallback for a second opinion.</summary>
    internal const int FallbackBelowChars = 1000;

    /// <summary>How many times as much text the fallback must find to be taken instead.</summary>
    internal const int FallbackFactor = 2;

    private static int Chars(List<Block> blocks) => blocks.Sum(b => b.Text.Length);

    // The headline stands right above the first paragraph (or its teaser); a tagline or kicker further
    // up does not. Else the first short line that does not end like a sentence, else the first block.
    private static string? GuessTitle(List<Block> blocks)
    {
        var firstProse = blocks.FindIndex(b => ProseShape.IsProse(b.Text));
        for (var i = firstProse - 1; i >= 0 && i >= firstProse - 3; i--)
        {
            if (IsTitleLike(blocks[i].Text))
            {
                return blocks[i].Text;
            }
        }

        foreach (var b in blocks.Take(8))
        {
            if (IsTitleLike(b.Text))
            {
                return b.Text;
            }
        }

        return blocks.Count > 0 ? blocks[0].Text[..Math.Min(blocks[0].Text.Length, 160)] : null;
    }

    private static bool IsTitleLike(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is >= 3 and <= 20 && text[^1] is not '.' and not ':' and not ',';
    }
}
