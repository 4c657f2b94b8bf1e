namespace Extraction.Facts.Analysis;

/// <summary>The cue lexicon with the bits of the cue sets the decisions and the actor rules read.</summary>
internal sealed class CueSets(CueLexicon lexicon)
{
    public CueLexicon Lexicon { get; } = lexicon;

    public int Positive { get; } = lexicon.Bit("positive");

    public int Negative { get; } = lexicon.Bit("negative");

    public int Government { get; } = lexicon.Bit("government");

    public int Coref { get; } = lexicon.Bit("coref");

    public int Round { get; } = lexicon.Bit("round");

    public int Subsidy { get; } = lexicon.Bit("subsidy");

    /// <summary>Words of an insolvency or a court case (<see cref="ArticleTopic"/>).</summary>
    public int Distress { get; } = lexicon.Bit("distress");

    /// <summary>Words that announce a conversion of the figure before ("umgerechnet").</summary>
    public int Conversion { get; } = lexicon.Bit("conversion");

    /// <summary>Investment words too general to outweigh a "No" word ("Mittel", "Summe", "kostet").</summary>
    public int Weak { get; } = lexicon.Bit("weak");
}
