namespace Extraction.Store;

/// <summary>A store that cannot be used as it is (foreign file, newer schema); the message says what to do.</summary>
public class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

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
