namespace Extraction.Store;

/// <summary>Another live run holds the store's lock.</summary>
public sealed class StoreLockedException : StoreException
{
    public StoreLockedException()
    {
    }

    public StoreLockedException(string message)
        : base(message)
    {
    }

    public StoreLockedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Who holds the lock.</summary>
    public StoreLockHolder? Holder { get; init; }
}
