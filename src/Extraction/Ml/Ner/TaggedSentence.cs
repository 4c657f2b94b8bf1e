namespace Extraction.Ml.Ner;

/// <summary>One sentence of tokens with their GermEval BIO labels: the outer column (Tags) and the nested inner one (Inner), e.g. "B-ORG", "I-LOC", "O".</summary>
public sealed record TaggedSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags, IReadOnlyList<string> Inner);
