using Npgsql;

namespace GraphLite.Storage;

/// <summary>Tells the failures that a query causes from those of the store that runs it.</summary>
internal static class QueryFailures
{
    /// <summary>
    /// Returns why a query failed when the query caused the failure, e.g. "division by zero", or null for a failure
    /// of the store itself.
    /// </summary>
    public static string? Describe(Exception exception) => exception switch
    {
        // SQLSTATE class 22 is "data exception": division by zero, a value out of range, an invalid argument.
        PostgresException postgres when postgres.SqlState.StartsWith("22", StringComparison.Ordinal) => postgres.MessageText,

        // The in-memory store runs queries as .NET code, which throws these for the same causes.
        DivideByZeroException => "division by zero",
        OverflowException => "a number is out of range",
        ArgumentOutOfRangeException => "a function argument is out of range",

        // EF Core reports an expression that the provider cannot run with this message, in a plain
        // InvalidOperationException (CoreStrings.TranslationFailed).
        InvalidOperationException invalid when invalid.Message.Contains("could not be translated", StringComparison.Ordinal) =>
            "the store cannot run an expression of it",
        _ => null,
    };
}
