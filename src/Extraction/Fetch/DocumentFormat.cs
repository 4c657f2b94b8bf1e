namespace Extraction.Fetch;

/// <summary>How a document's bytes are to be read.</summary>
public enum DocumentFormat
{
    Html,
    Text,
}
