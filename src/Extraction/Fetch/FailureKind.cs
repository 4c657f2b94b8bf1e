namespace Extraction.Fetch;

/// <summary>Where on an article's path a failure happened (run.json "kind", the store's run_articles.failure).</summary>
public enum FailureKind
{
    /// <summary>The input is not an article to fetch: no such file or folder, an unsupported type or URL, an unreadable URL list.</summary>
    Input,

    /// <summary>Reading the file or downloading the page failed: I/O, HTTP status, robots.txt, size limit, binary content.</summary>
    Fetch,

    /// <summary>The bytes could not be decoded or cleaned into an article.</summary>
    Clean,

    /// <summary>Cleaning left no article text.</summary>
    NoText,

    /// <summary>A stage threw: a bug, reported with the exception's type and message instead of stopping the batch.</summary>
    Internal,
}
