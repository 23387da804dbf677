namespace GraphLite.Bench.Runner;

/// <summary>One row of the table: a scenario on one server with a given number of stored rows.</summary>
/// <param name="Server">The server's name.</param>
/// <param name="IsGraphLite">True for GraphLite's own stores.</param>
/// <param name="Scenario">The measured call.</param>
/// <param name="Rows">Rows stored when the server started.</param>
/// <param name="Wrk">What wrk counted, or null when the scenario was not measured.</param>
/// <param name="CpuMicrosecondsPerRequest">The server's user plus system CPU time over the run, per request.</param>
/// <param name="ResidentMebibytes">The server's resident memory right after the run.</param>
/// <param name="Note">Why there is no figure, or what to know about it.</param>
internal sealed record Measurement(
    string Server,
    bool IsGraphLite,
    Scenario Scenario,
    long Rows,
    WrkResult? Wrk,
    double CpuMicrosecondsPerRequest,
    double ResidentMebibytes,
    string? Note)
{
    public bool Failed => Wrk is { Errors: > 0 } || (Wrk is null && Note?.StartsWith("failed", StringComparison.Ordinal) == true);
}
