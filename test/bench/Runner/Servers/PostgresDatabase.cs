namespace GraphLite.Bench.Runner.Servers;

/// <summary>
/// The PostgreSQL server GraphLite's PostgreSQL store is measured on, named by a connection string in
/// GRAPHLITE_BENCH_POSTGRES.
/// </summary>
internal sealed class PostgresDatabase(string? connectionString)
{
    public const string Variable = "GRAPHLITE_BENCH_POSTGRES";

    public string? FindUnavailableReason() =>
        string.IsNullOrWhiteSpace(connectionString) ? $"{Variable} names no PostgreSQL server" : null;

    // TODO: give each start an empty database; until then the connection string's database must start empty.
    public Task<string> CreateEmptyDatabaseAsync(CancellationToken cancellationToken) =>
        Task.FromResult(connectionString ?? throw new InvalidOperationException($"{Variable} is not set."));
}
