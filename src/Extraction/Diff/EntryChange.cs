namespace Extraction.Diff;

/// <summary>What a change means for one article.</summary>
public enum EntryChange
{
    /// <summary>A new claim read from this article.</summary>
    Added,

    /// <summary>A claim no longer read from this article (the record is gone).</summary>
    Removed,

    /// <summary>The claim read from this article changed (value, currency, qualifier, actor, kind, unit or model).</summary>
    Changed,

    /// <summary>An existing claim that this article now also states.</summary>
    SourceGained,

    /// <summary>A claim that stays, but no longer with this article as a source.</summary>
    SourceLost,
}
