using GraphLite.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GraphLite.Storage;

/// <summary>
/// The database that the validated <see cref="StorageOptions"/> select: the provider, the effective connection
/// string, and a description of it for logs and errors that leaves out passwords.
/// </summary>
public sealed class StorageDatabase
{
    public const string DefaultSqliteFileName = "graphlite.db";

    private readonly Lazy<string?> _connectionString;

    public StorageDatabase(IOptions<StorageOptions> options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);

        var settings = options.Value;
        Provider = settings.ProviderKind;
        _connectionString = new Lazy<string?>(() => Effective(Provider, settings.ConnectionString, configuration));
    }

    public StorageProvider Provider { get; }

    /// <summary>The connection string to open; null for the in-memory provider.</summary>
    public string? ConnectionString => _connectionString.Value;

    /// <summary>E.g. "SQLite file /home/me/.local/share/graphlite/graphlite.db" or "PostgreSQL database graphlite on 127.0.0.1:5432".</summary>
    public string Description => Describe(Provider, ConnectionString);

    /// <summary>
    /// Returns the connection string to open: the configured one, or for SQLite without one the default file in the
    /// data folder, which is created when missing.
    /// </summary>
    public static string? Effective(StorageProvider provider, string? configured, IConfiguration configuration) => provider switch
    {
        StorageProvider.InMemory => null,
        StorageProvider.Sqlite when string.IsNullOrWhiteSpace(configured) =>
            new SqliteConnectionStringBuilder { DataSource = DataFolder.FromConfiguration(configuration).FilePath(DefaultSqliteFileName) }.ToString(),
        _ => configured,
    };

    public static string Describe(StorageProvider provider, string? connectionString)
    {
        switch (provider)
        {
            case StorageProvider.Sqlite:
                var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
                return $"SQLite file {Path.GetFullPath(dataSource)}";
            case StorageProvider.PostgreSQL:
                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                return $"PostgreSQL database {builder.Database ?? builder.Username ?? "(default)"} on {builder.Host}:{builder.Port}";
            default:
                return "in-memory database";
        }
    }
}
