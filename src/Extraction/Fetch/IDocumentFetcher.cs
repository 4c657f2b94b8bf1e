namespace Extraction.Fetch;

/// <summary>Fetches the bytes of one input.</summary>
public interface IDocumentFetcher
{
    Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken);
}
