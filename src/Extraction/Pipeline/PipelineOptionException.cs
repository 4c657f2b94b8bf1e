namespace Extraction.Pipeline;

/// <summary>
/// An option of the pipeline that cannot work, found when the pipeline is built. <see cref="Option"/>
/// is the option's path in <see cref="PipelineOptions"/> ("Parallelism", "Http.AttemptTimeout"), so a
/// caller (the CLI) can name its own flag for it.
/// </summary>
public sealed class PipelineOptionException : ArgumentException
{
    public PipelineOptionException()
    {
    }

    public PipelineOptionException(string message)
        : base(message)
    {
    }

    public PipelineOptionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public PipelineOptionException(string option, string reason)
        : base(reason, option)
    {
        Reason = reason;
    }

    /// <summary>The option's path in <see cref="PipelineOptions"/>.</summary>
    public string Option => ParamName ?? "";

    /// <summary>What is wrong with it, without the option's name appended.</summary>
    public string Reason { get; } = "";
}
