namespace GraphLite.Storage;

/// <summary>
/// A query that the store could not run because of the query itself, e.g. a division by zero: the client can
/// change the query. A store that cannot be reached throws other exceptions.
/// </summary>
public sealed class StoreQueryException : Exception
{
    public StoreQueryException()
    {
    }

    public StoreQueryException(string message)
        : base(message)
    {
    }

    public StoreQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
