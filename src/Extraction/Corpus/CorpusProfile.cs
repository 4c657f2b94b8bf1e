namespace Extraction.Corpus;

/// <summary>How much of a generated page is article text.</summary>
public enum CorpusProfile
{
    /// <summary>
    /// Like saved news pages: 1.5 to 12 KB of article text, the rest of the page size page furniture
    /// (scripts, styles, navigation, teasers, comments, footer; menu, teaser and comment lines in text dumps).
    /// </summary>
    Realistic,

    /// <summary>A stress test: the body grows with paragraphs until the page size is reached, so a 150 KB page is 150 KB of facts.</summary>
    Dense,
}
