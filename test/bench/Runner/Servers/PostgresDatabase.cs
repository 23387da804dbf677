using System.Globalization;
using Npgsql;

namespace GraphLite.Bench.Runner.Servers;

/// <summary>
/// The PostgreSQL server GraphLite's PostgreSQL store is measured on, named by a connection string in
/// GRAPHLITE_BENCH_POSTGRES. Each GraphLite process gets a new, empty database on it, dropped at the end of the run.
/// The connection string's user must be allowed to create databases. Its database name is not used.
/// </summary>
internal sealed class PostgresDatabase(string? connectionString) : IAsyncDisposable
{
    public const string Variable = "GRAPHLITE_BENCH_POSTGRES";

    private readonly List<string> _created = [];

    public string? FindUnavailableReason() =>
        string.IsNullOrWhiteSpace(connectionString) ? $"{Variable} names no PostgreSQL server" : null;

    /// <summary>Creates an empty database and returns the connection string that names it.</summary>
    public async Task<string> CreateEmptyDatabaseAsync(CancellationToken cancellationToken)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString ?? throw new InvalidOperationException($"{Variable} is not set."));
        var name = string.Create(CultureInfo.InvariantCulture, $"graphlite_bench_{Environment.ProcessId}_{_created.Count + 1}");
        await ExecuteAsync(server, $"CREATE DATABASE {name}", cancellationToken);
        _created.Add(name);
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_created.Count == 0)
        {
            return;
        }

        var server = new NpgsqlConnectionStringBuilder(connectionString!);
        foreach (var name in _created)
        {
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
        }

        _created.Clear();
    }

    /// <summary>Runs a statement on the server's maintenance database, <c>postgres</c>.</summary>
    private static async Task ExecuteAsync(NpgsqlConnectionStringBuilder server, string statement, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
