namespace Extraction.Store;

/// <summary>Where a run stands (the store's runs.status, run.json "status").</summary>
public enum RunStatus
{
    /// <summary>Going on, or killed while going on (the lock then tells which).</summary>
    Running,

    /// <summary>Every input was handled; its records are complete.</summary>
    Done,

    /// <summary>Stopped early (Ctrl+C, SIGTERM); the next run with the same job resumes it.</summary>
    Cancelled,

    /// <summary>Killed and not resumed: a later run with another job took its place.</summary>
    Abandoned,
}
