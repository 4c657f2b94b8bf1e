namespace Extraction.Fetch;

/// <summary>Where an input comes from.</summary>
public enum InputKind
{
    File,
    Url,
}
