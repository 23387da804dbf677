using System.Diagnostics;
using GraphLite.Notifications;
using GraphLite.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GraphLite.Bench.Loader;

/// <summary>
/// Fills the configured store with the benchmark's rows once GraphLite has started, and prints one line that
/// the benchmark runner waits for.
/// </summary>
/// <remarks>
/// Rows of an EF Core store are added through GraphLite's own <see cref="GraphLiteDbContext"/> in batches; a
/// create per row would make a million rows take hours. Any other store gets its rows through
/// <see cref="IEntityStore{TEntity}.TryAddAsync"/>.
/// </remarks>
internal sealed class BulkLoader(long rows, IServiceProvider services, IHostApplicationLifetime lifetime) : IHostedService
{
    public const string OutputPrefix = "bench-loader:";
    private const int BatchSize = 10_000;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => LoadAsync(lifetime.ApplicationStopping), CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await using var scope = services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IEntityStore<ParticipantLeftNotification>>();
            if (store is EntityFrameworkStore<ParticipantLeftNotification>)
            {
                await LoadThroughContextAsync(cancellationToken);
            }
            else
            {
                await LoadThroughStoreAsync(store, cancellationToken);
            }

            Console.WriteLine($"{OutputPrefix} stored {rows} rows in {stopwatch.Elapsed.TotalSeconds:F1} s");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Console.WriteLine($"{OutputPrefix} failed: {exception.GetType().Name}: {exception.Message}");
        }
    }

    private async Task LoadThroughContextAsync(CancellationToken cancellationToken)
    {
        for (long first = 0; first < rows; first += BatchSize)
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<GraphLiteDbContext>();
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var index = first; index < Math.Min(rows, first + BatchSize); index++)
            {
                context.Add(Row(index));
            }

            await context.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task LoadThroughStoreAsync(IEntityStore<ParticipantLeftNotification> store, CancellationToken cancellationToken)
    {
        for (long index = 0; index < rows; index++)
        {
            if (!await store.TryAddAsync(Row(index), cancellationToken))
            {
                throw new InvalidOperationException($"The store already holds the key {BenchRows.Key(index)}; start from an empty store.");
            }
        }
    }

    private static ParticipantLeftNotification Row(long index) =>
        new() { Id = BenchRows.Key(index), ParticipantId = BenchRows.ParticipantId(index) };
}
