using GraphLite.Storage.InMemory;
using GraphLite.Storage.PostgreSql;
using GraphLite.Storage.Seed;
using GraphLite.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace GraphLite.Storage;

/// <summary>
/// Registers the store that <c>GraphLite:Storage:Provider</c> selects: EF Core's in-memory provider (the default,
/// one database per application instance), SQLite or PostgreSQL.
/// </summary>
/// <remarks>
/// All three contexts are registered, and <see cref="GraphLiteDbContext"/> resolves to the selected one when a
/// request first needs it, so the choice follows the configuration however late a host or test sets it.
/// </remarks>
public static class StorageExtensions
{
    public static IServiceCollection AddGraphStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<StorageDatabase>();

        var databaseRoot = new InMemoryDatabaseRoot();
        services.AddSingleton<InMemoryKeyIndex>();
        services.AddDbContextPool<InMemoryGraphLiteDbContext>((provider, options) => options
            .UseInMemoryDatabase("GraphLite", databaseRoot)
            .UseKeyIndex(provider.GetRequiredService<InMemoryKeyIndex>()));
        services.AddDbContextPool<SqliteGraphLiteDbContext>((provider, options) => options
            .UseSqlite(provider.GetRequiredService<StorageDatabase>().ConnectionString)
            .AddInterceptors(SqliteDurabilityInterceptor.Instance)
            .ConfigureWarnings(LogFailuresAtDebug));
        services.AddDbContextPool<PostgreSqlGraphLiteDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<StorageDatabase>().ConnectionString)
            .ConfigureWarnings(LogFailuresAtDebug));
        services.AddScoped<GraphLiteDbContext>(provider => provider.GetRequiredService<StorageDatabase>().Provider switch
        {
            StorageProvider.Sqlite => provider.GetRequiredService<SqliteGraphLiteDbContext>(),
            StorageProvider.PostgreSQL => provider.GetRequiredService<PostgreSqlGraphLiteDbContext>(),
            _ => provider.GetRequiredService<InMemoryGraphLiteDbContext>(),
        });

        services.AddScoped(typeof(IEntityStore<>), typeof(EntityFrameworkStore<>));
        services.AddGraphSeed();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<StorageInitializer>());
        return services;
    }

    /// <summary>Adds the request checks that keep every store's answers the same; call it after the error envelope.</summary>
    public static IApplicationBuilder UseGraphStorage(this IApplicationBuilder app) => app.UseMiddleware<UnstorableQueryMiddleware>();

    /// <summary>
    /// Logs failed commands, connections and saves at Debug. Each failure either reaches the client as a Graph
    /// error, such as a 409 for a taken key, or propagates to the error middleware or to start-up, which log it
    /// once; EF Core's own Error entries would log it a second time, with a stack trace.
    /// </summary>
    private static void LogFailuresAtDebug(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.CommandError, LogLevel.Debug),
        (RelationalEventId.ConnectionError, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug));
}
