using Extraction.Fetch;
using Extraction.Model;

namespace Extraction.Clean;

/// <summary>The outcome of cleaning one document: an article or a failure, never an exception.</summary>
public sealed record CleanOutcome(Article? Article, InputFailure? Failure, string? Encoding);

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
            blocks = TextDumpReader.Read(text, markdown);
            meta = new PageMetadata();
        }

        var (kept, removed, author) = _filter.Filter(blocks);
        var (unique, duplicates) = Deduplicator.Deduplicate(kept);
        var title = meta.Title ?? GuessTitle(unique) ?? "";
        var body = string.Join("\n\n", unique.Select(b => b.Text));
        return new Article(articleId, title, body, removed + duplicates, meta.Url ?? url, meta.Published, meta.Author ?? author);
    }

    // The first short line that does not end like a sentence, else the first sentence-ish block.
    private static string? GuessTitle(List<Block> blocks)
    {
        foreach (var b in blocks.Take(8))
        {
            var words = b.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words is >= 3 and <= 20 && b.Text[^1] is not '.' and not ':')
            {
                return b.Text;
            }
        }

        return blocks.Count > 0 ? blocks[0].Text[..Math.Min(blocks[0].Text.Length, 160)] : null;
    }
}
