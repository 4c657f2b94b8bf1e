namespace Extraction.Evaluation;

/// <summary>
/// A missed gold fact (Text is its quote), a spurious predicted fact (Text is its mention) or, with
/// <see cref="IsWrongActor"/>, a predicted fact whose amount is right and whose actor is not (Text is its mention), with its sentence.
/// </summary>
public sealed record EvalIssue(string Article, bool IsMiss, string Description, string Text, string? Sentence)
{
    /// <summary>The amount matched a gold fact, the actor did not (Description names both).</summary>
    public bool IsWrongActor { get; init; }

    public override string ToString() =>
        $"{Article}: {(IsWrongActor ? "wrong actor" : IsMiss ? "missed" : "spurious")} {Description} \"{Text}\"" + (Sentence is null ? "" : $" in \"{Short(Sentence)}\"");

    private static string Short(string s) => s.Length <= 160 ? s : s[..160] + "...";
}
