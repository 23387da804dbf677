// Measures a lookup by key in the in-memory store at 1,000 and 1,000,000 rows: through the store's key index
// (what GET by key uses) and through EF Core's own DbSet.FindAsync on the same database (a table scan).
// Run: dotnet run -c Release --project bench/InMemoryLookup [-- rows...]
using System.Diagnostics;
using GraphLite.Notifications;
using GraphLite.Storage.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [1_000, 1_000_000];
Console.WriteLine("| rows | key index: mean per lookup | EF Core FindAsync: mean per lookup |");
Console.WriteLine("|---:|---:|---:|");
foreach (var rows in sizes)
{
    using var index = new InMemoryKeyIndex();
    var options = new DbContextOptionsBuilder<InMemoryGraphLiteDbContext>()
        .UseInMemoryDatabase($"lookup-{rows}", new InMemoryDatabaseRoot())
        .UseKeyIndex(index)
        .Options;
    await FillAsync(options, rows);

    var random = new Random(rows);
    var indexed = await MeasureAsync(20_000, async () =>
    {
        await using var context = new InMemoryGraphLiteDbContext(options);
        return await context.FindEntityAsync<ParticipantLeftNotification>(Key(random.Next(rows)), CancellationToken.None);
    });
    var scanned = await MeasureAsync(rows >= 100_000 ? 20 : 2_000, async () =>
    {
        await using var context = new InMemoryGraphLiteDbContext(options);
        return await context.Set<ParticipantLeftNotification>().FindAsync([Key(random.Next(rows))], CancellationToken.None);
    });
    Console.WriteLine($"| {rows:N0} | {indexed.TotalMicroseconds:N1} µs | {scanned.TotalMicroseconds:N1} µs |");
}

static string Key(int number) => $"notification-{number:D7}";

static async Task FillAsync(DbContextOptions<InMemoryGraphLiteDbContext> options, int rows)
{
    const int Batch = 10_000;
    for (var start = 0; start < rows; start += Batch)
    {
        await using var context = new InMemoryGraphLiteDbContext(options);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var number = start; number < Math.Min(rows, start + Batch); number++)
        {
            context.Add(new ParticipantLeftNotification { Id = Key(number), ParticipantId = $"participant-{number}" });
        }

        await context.SaveChangesAsync();
    }
}

// Runs the lookup up to 1,000 times so tiered compilation settles, then returns the mean time of `count` lookups, each of which must hit.
static async Task<TimeSpan> MeasureAsync(int count, Func<Task<ParticipantLeftNotification?>> lookup)
{
    for (var warmUp = 0; warmUp < Math.Min(count, 1_000); warmUp++)
    {
        _ = await lookup() ?? throw new InvalidOperationException("A lookup missed.");
    }

    var watch = Stopwatch.StartNew();
    for (var run = 0; run < count; run++)
    {
        _ = await lookup() ?? throw new InvalidOperationException("A lookup missed.");
    }

    return watch.Elapsed / count;
}
