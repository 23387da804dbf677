using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace GraphLite.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database of one kind for one test: a SQLite file in a temporary folder, or a PostgreSQL database
/// with a unique name on the server that <c>GRAPHLITE_TEST_POSTGRES</c> names. Disposing it deletes the database.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    public const string PostgresVariable = "GRAPHLITE_TEST_POSTGRES";

    private TestStore(StoreKind kind, string? connectionString, string? cleanupTarget)
    {
        Kind = kind;
        ConnectionString = connectionString;
        CleanupTarget = cleanupTarget;
    }

    public StoreKind Kind { get; }

    /// <summary>The database's connection string; null for the in-memory store.</summary>
    public string? ConnectionString { get; }

    /// <summary>The SQLite file or the PostgreSQL database name to delete on dispose.</summary>
    private string? CleanupTarget { get; }

    /// <summary>The settings that point GraphLite at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphLite:Storage:Provider"] = Kind.ToString(),
        ["GraphLite:Storage:ConnectionString"] = ConnectionString,
    };

    /// <summary>Points a <see cref="GraphLiteFactory"/> at this database: <c>new GraphLiteFactory(store.Configure)</c>.</summary>
    public void Configure(IWebHostBuilder builder) => Configure(builder, Settings);

    /// <summary>Adds settings that override appsettings and the environment of an in-process host.</summary>
    public static void Configure(IWebHostBuilder builder, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
    }

    /// <summary>The same settings as command-line arguments for <see cref="GraphLiteProcess"/>.</summary>
    public string[] Arguments => Settings
        .Where(setting => setting.Value is not null)
        .Select(setting => $"--{setting.Key}={setting.Value}")
        .ToArray();

    /// <summary>The PostgreSQL server for the tests, or null when the variable is unset.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Creates an empty database; a PostgreSQL test is ignored, with the reason, when no server is configured.</summary>
    public static TestStore Create(StoreKind kind) => kind switch
    {
        StoreKind.InMemory => new TestStore(kind, null, null),
        StoreKind.Sqlite => CreateSqlite(),
        StoreKind.PostgreSQL => CreatePostgres(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Creates an empty PostgreSQL database whose default collation is the ICU collation of
    /// <paramref name="icuLocale"/>, e.g. "en-US", under which text sorts by language rules, not by code point.
    /// </summary>
    public static async Task<TestStore> CreatePostgresWithIcuCollationAsync(string icuLocale)
    {
        var store = CreatePostgres();
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{store.CleanupTarget}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE '{icuLocale}'";
        await command.ExecuteNonQueryAsync();
        return store;
    }

    public static void IgnoreUnlessPostgresIsConfigured()
    {
        if (PostgresServer is null)
        {
            Assert.Ignore($"No PostgreSQL server: set {PostgresVariable} to a connection string (e.g. 'Host=127.0.0.1;Port=5432;Username=graphlite') "
                + "of a user who may create databases. .ci/run starts one and sets it.");
        }
    }

    /// <summary>Reads every stored notification straight from the database, bypassing GraphLite.</summary>
    public async Task<IReadOnlyList<(string Id, string ParticipantId)>> ReadNotificationRowsAsync()
    {
        var rows = new List<(string, string)>();
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"ParticipantId\" FROM \"ParticipantLeftNotification\"";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Runs SQLite's <c>PRAGMA integrity_check</c>, which returns "ok" for an intact file.</summary>
    public async Task<string> CheckSqliteIntegrityAsync()
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        switch (Kind)
        {
            case StoreKind.Sqlite:
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(CleanupTarget + suffix);
                }

                break;
            case StoreKind.PostgreSQL:
                await DropPostgresDatabaseAsync(CleanupTarget!);
                break;
        }
    }

    private System.Data.Common.DbConnection CreateConnection() => Kind switch
    {
        StoreKind.Sqlite => new SqliteConnection(ConnectionString),
        StoreKind.PostgreSQL => new NpgsqlConnection(ConnectionString),
        _ => throw new InvalidOperationException("The in-memory store lives inside the GraphLite process."),
    };

    private static TestStore CreateSqlite()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "graphlite-tests")).FullName;
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        return new TestStore(StoreKind.Sqlite, new SqliteConnectionStringBuilder { DataSource = file }.ToString(), file);
    }

    private static TestStore CreatePostgres()
    {
        IgnoreUnlessPostgresIsConfigured();

        // GraphLite creates the database when it applies the migrations.
        var database = $"graphlite_test_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database };
        return new TestStore(StoreKind.PostgreSQL, builder.ToString(), database);
    }

    private static async Task DropPostgresDatabaseAsync(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
