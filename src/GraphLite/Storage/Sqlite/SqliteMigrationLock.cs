using Microsoft.EntityFrameworkCore;

namespace GraphLite.Storage.Sqlite;

/// <summary>
/// Removes an abandoned EF Core migration lock from a SQLite database. EF Core 9 and later lock migrations with a
/// row in <c>__EFMigrationsLock</c> that only the process holding it deletes; after a process is killed during a
/// migration, every later start waits for that row forever.
/// </summary>
internal static partial class SqliteMigrationLock
{
    /// <summary>A migration of GraphLite's schema holds the lock for well under a second, so an older row is abandoned.</summary>
    private const string AbandonedAfter = "-5 minutes";

    public static async Task ClearAbandonedAsync(GraphLiteDbContext context, ILogger logger)
    {
        var tables = await context.Database
            .SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .SingleAsync();
        if (tables == 0)
        {
            return;
        }

        // EF Core writes the time as UTC text, e.g. '2026-12-04 22:42:04.1376657+00:00', which sorts like
        // datetime('now', ...) does.
        var cleared = await context.Database.ExecuteSqlRawAsync(
            $"DELETE FROM \"__EFMigrationsLock\" WHERE \"Timestamp\" < datetime('now', '{AbandonedAfter}')");
        if (cleared > 0)
        {
            LogCleared(logger, AbandonedAfter[1..]);
        }
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning,
        Message = "Storage: removed a migration lock older than {Age}, left by a process that stopped while it migrated")]
    private static partial void LogCleared(ILogger logger, string age);
}
