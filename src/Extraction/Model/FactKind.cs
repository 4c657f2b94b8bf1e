namespace Extraction.Model;

/// <summary>What a fact states: money put into something, or a count of compute hardware.</summary>
public enum FactKind
{
    Investment,
    Hardware,
}
