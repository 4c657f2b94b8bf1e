namespace Extraction.Diff;

/// <summary>How an old and a new record were found to be the same claim.</summary>
public enum PairedBy
{
    /// <summary>The same record id in both runs.</summary>
    Id,

    /// <summary>A shared source: the same article and the same or a nearly identical sentence, or the same mention offset.</summary>
    Source,

    /// <summary>A revised figure: same kind, actor and currency (or unit), value within 10%, a shared article.</summary>
    Revision,
}
