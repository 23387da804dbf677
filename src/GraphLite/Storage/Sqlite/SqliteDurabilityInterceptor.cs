using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GraphLite.Storage.Sqlite;

/// <summary>
/// Sets <c>synchronous = FULL</c> on every SQLite connection that EF Core opens. In WAL mode that makes each commit
/// sync the write-ahead log to disk before it returns, so an acknowledged write survives a crash of the process
/// and of the machine. The SQLite default for WAL mode depends on how the library was compiled.
/// </summary>
public sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    public const string Pragma = "PRAGMA synchronous = FULL;";

    public static SqliteDurabilityInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);

        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);

        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
