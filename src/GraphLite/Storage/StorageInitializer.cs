using System.Data.Common;
using GraphLite.Hosting;
using GraphLite.Storage.Seed;
using Microsoft.EntityFrameworkCore;

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

        var applied = await MigrateAsync(context, database);
        LogOpened(logger, database.Description, applied);

        await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync(CancellationToken.None);
    }

    /// <summary>Applies the pending migrations and returns how many there were; the in-memory store has none.</summary>
    private static async Task<int> MigrateAsync(GraphLiteDbContext context, StorageDatabase database)
    {
        if (!context.Database.IsRelational())
        {
            return 0;
        }

        try
        {
            var pending = (await context.Database.GetPendingMigrationsAsync()).Count();

            // EF Core holds a migration lock while it migrates, so instances that start together on one database
            // apply each migration once.
            await context.Database.MigrateAsync();
            if (database.Provider == StorageProvider.Sqlite)
            {
                // WAL is a property of the database file: readers do not block the writer, and a commit appends to
                // the log instead of rewriting pages in place.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
            }

            return pending;
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

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Storage: {Database}, {Applied} migrations applied")]
    private static partial void LogOpened(ILogger logger, string database, int applied);
}
