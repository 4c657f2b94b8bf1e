namespace Extraction.Evaluation;

/// <summary>A missed gold fact (Text is its quote) or a spurious predicted fact (Text is its mention) with its sentence.</summary>
public sealed record EvalIssue(string Article, bool IsMiss, string Description, string Text, string? Sentence)
{
    public override string ToString() =>
        $"{Article}: {(IsMiss ? "missed" : "spurious")} {Description} \"{Text}\"" + (Sentence is null ? "" : $" in \"{Short(Sentence)}\"");

    private static string Short(string s) => s.Length <= 160 ? s : s[..160] + "...";
}
