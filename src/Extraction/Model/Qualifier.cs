namespace Extraction.Model;

/// <summary>How precisely a figure is stated (the qualifiers of docs/contract.md).</summary>
public enum Qualifier
{
    Exact,
    About,
    Over,
    Under,
    UpTo,
    AtLeast,
}
