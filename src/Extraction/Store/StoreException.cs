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
