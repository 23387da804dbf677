using System.Data.Common;
using GraphLite.Hosting;
using GraphLite.Storage.Seed;
using GraphLite.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GraphLite.Storage;

/// <summary>
/// Opens the store before the server takes requests: applies the pending migrations of a relational store, puts
/// SQLite in WAL mode, and loads the seed file into an empty store. It runs once, whether Program calls
/// <see cref="InitializeAsync"/> or the host starts it first.
/// </summary>
public sealed partial class StorageInitializer(IServiceScopeFactory scopes, StorageDatabase database, ILogger<StorageInitializer> logger)
    : IHostedLifecycleService
{
    private readonly Lazy<Task> _initialization = new(() => RunAsync(scopes, database, logger), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Opens the store; throws <see cref="StartupException"/> when it cannot.</summary>
    public Task InitializeAsync() => _initialization.Value;

    public Task StartingAsync(CancellationToken cancellationToken) => InitializeAsync();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task RunAsync(IServiceScopeFactory scopes, StorageDatabase database, ILogger logger)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<GraphLiteDbContext>();

        var migration = await MigrateAsync(context, database, logger);
        LogOpened(logger, database.Description, migration);

        await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync(CancellationToken.None);
    }

    /// <summary>Applies the pending migrations and returns the latest migration; the in-memory store has none.</summary>
    private static async Task<string> MigrateAsync(GraphLiteDbContext context, StorageDatabase database, ILogger logger)
    {
        if (!context.Database.IsRelational())
        {
            return "none";
        }

        try
        {
            if (database.Provider == StorageProvider.Sqlite)
            {
                await SqliteMigrationLock.ClearAbandonedAsync(context, logger);
            }

            await MigrateWithRetryAsync(context);
            if (database.Provider == StorageProvider.Sqlite)
            {
                // WAL is a property of the database file: readers do not block the writer, and a commit appends to
                // the log instead of rewriting pages in place.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
            }

            return (await context.Database.GetAppliedMigrationsAsync()).LastOrDefault() ?? "none";
        }
        catch (Exception exception) when (exception is DbException or TimeoutException)
        {
            var hint = database.Provider == StorageProvider.Sqlite
                ? "Check that the folder exists, that GraphLite may write to it, and that the file is a SQLite database."
                : $"Check that the server runs and accepts the connection that {StorageOptions.ConnectionStringKey} describes.";
            throw new StartupException(
                $"{StorageOptions.ConnectionStringKey}: failed to open the {database.Description}: {Reason(exception)} {hint}", exception);
        }
    }

    /// <summary>
    /// Migrates; EF Core holds a migration lock while it migrates, so instances that start together apply each
    /// migration once. The lock lives in the database, though, so two instances that find no PostgreSQL database
    /// both create it, and the slower one fails. It then finds the database there on its next attempt.
    /// </summary>
    private static async Task MigrateWithRetryAsync(GraphLiteDbContext context)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await context.Database.MigrateAsync();
                return;
            }
            catch (PostgresException exception) when (attempt < 3
                && exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
            }
        }
    }

    /// <summary>Joins the messages of the exception chain, e.g. "Failed to connect to 127.0.0.1:1 (Connection refused)".</summary>
    private static string Reason(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var message = current.Message.Trim();
            if (message.Length > 0 && !messages.Contains(message))
            {
                messages.Add(message);
            }
        }

        var reason = string.Join(" (", messages) + new string(')', messages.Count - 1);
        return reason.EndsWith('.') ? reason : reason + ".";
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Storage: {Database}, schema at migration {Migration}")]
    private static partial void LogOpened(ILogger logger, string database, string migration);
}
