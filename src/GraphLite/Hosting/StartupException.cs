namespace GraphLite.Hosting;

/// <summary>
/// A start-up failure whose message alone tells the operator what to fix, e.g. an unreachable database. The
/// server prints the message as one line and exits with code 1, without a stack trace.
/// </summary>
public sealed class StartupException : Exception
{
    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
