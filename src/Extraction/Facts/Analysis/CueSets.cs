namespace Extraction.Facts.Analysis;

/// <summary>The cue lexicon with the bits of the cue sets the decisions and the actor rules read.</summary>
internal sealed class CueSets(CueLexicon lexicon)
{
    public CueLexicon Lexicon { get; } = lexicon;

    public int Positive { get; } = lexicon.Bit("positive");

    public int Negative { get; } = lexicon.Bit("negative");

    public int Government { get; } = lexicon.Bit("government");

    /// <summary>Compounds that name the federal level as the giver ("Bundesmittel", "Bundeshilfe", "Bundesministerium").</summary>
    public int Federal { get; } = lexicon.Bit("federal");

    /// <summary>Compounds that name the article's state (Land) as the giver ("Landesregierung", "Landeszuschüsse").</summary>
    public int State { get; } = lexicon.Bit("state");

    public int Coref { get; } = lexicon.Bit("coref");

    public int Round { get; } = lexicon.Bit("round");

    public int Subsidy { get; } = lexicon.Bit("subsidy");

    /// <summary>Loan nouns ("Kredit", "Darlehen", "Überbrückungskredit").</summary>
    public int Loan { get; } = lexicon.Bit("loan");

    /// <summary>Lending verbs ("gewährt", "vergibt", "leiht").</summary>
    public int Lend { get; } = lexicon.Bit("lend");

    /// <summary>Buying verbs and nouns ("übernimmt", "kauft", "erwirbt", "Übernahme").</summary>
    public int Acquire { get; } = lexicon.Bit("acquire");

    /// <summary>Selling verbs ("verkauft", "veräußert"): the buyer follows "an".</summary>
    public int Sell { get; } = lexicon.Bit("sell");

    /// <summary>Nouns too general to say what a sentence is about ("Jahr", "Millionen"): no back-reference by repetition.</summary>
    public int Generic { get; } = lexicon.Bit("generic");

    /// <summary>Words of an insolvency or a court case (<see cref="ArticleTopic"/>).</summary>
    public int Distress { get; } = lexicon.Bit("distress");

    /// <summary>Words that announce a conversion of the figure before ("umgerechnet").</summary>
    public int Conversion { get; } = lexicon.Bit("conversion");

    /// <summary>"No" words that give way to a strong investment word anywhere in the sentence ("wert").</summary>
    public int Mild { get; } = lexicon.Bit("mild");

    /// <summary>Investment words too general to outweigh a "No" word ("Mittel", "Summe", "kostet").</summary>
    public int Weak { get; } = lexicon.Bit("weak");
}
