using System.Net;
using GraphLite.Storage;
using GraphLite.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.Storage;

/// <summary>What the relational stores add to the contract: data outlives the process, and SQLite writes durably.</summary>
[TestFixtureSource(typeof(StoreKinds), nameof(StoreKinds.Durable))]
public sealed class DurableStoreTests(StoreKind kind)
{
    private TestStore _store = null!;

    [SetUp]
    public void SetUp() => _store = TestStore.Create(kind);

    [TearDown]
    public async Task TearDownAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Test]
    public async Task Restart_KeepsEntities()
    {
        await using (var first = new GraphLiteFactory(_store.Configure))
        {
            using var client = first.CreateGraphClient();
            (await client.CreateAsync(Requests.Notification("kept", id: "restart"))).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await using var second = new GraphLiteFactory(_store.Configure);
        using var secondClient = second.CreateGraphClient();

        var response = await secondClient.GetAsync($"{Requests.SetPath}/restart");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("participantId").GetString().Should().Be("kept");
    }

    [Test]
    public async Task KeyLookup_UsesPrimaryKeyIndex()
    {
        await using var factory = new GraphLiteFactory(_store.Configure);
        using var client = factory.CreateGraphClient();
        (await client.CreateAsync(Requests.Notification("p", id: "indexed"))).StatusCode.Should().Be(HttpStatusCode.Created);
        await using var scope = factory.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<GraphLiteDbContext>();
        await context.Database.OpenConnectionAsync();

        if (kind == StoreKind.PostgreSQL)
        {
            // With a handful of rows a sequential scan is cheaper, so the planner is told to avoid it where it can.
            await context.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        }

        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = kind == StoreKind.Sqlite
            ? "EXPLAIN QUERY PLAN SELECT * FROM ParticipantLeftNotification WHERE Id = 'indexed'"
            : "EXPLAIN SELECT * FROM \"ParticipantLeftNotification\" WHERE \"Id\" = 'indexed'";
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(reader.FieldCount - 1));
            }
        }

        string.Join("\n", plan).Should().ContainAny("USING INDEX sqlite_autoindex_ParticipantLeftNotification_1 (Id=?)", "Index Scan using \"PK_ParticipantLeftNotification\"");
    }

    [Test]
    public async Task Sqlite_UsesWalAndFullSynchronous()
    {
        if (kind != StoreKind.Sqlite)
        {
            Assert.Ignore("SQLite only.");
        }

        await using var factory = new GraphLiteFactory(_store.Configure);
        using var client = factory.CreateGraphClient();
        (await client.CreateAsync(Requests.Notification("p"))).StatusCode.Should().Be(HttpStatusCode.Created);
        await using var scope = factory.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<GraphLiteDbContext>();

        await context.Database.OpenConnectionAsync();
        var journalMode = await context.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        var synchronous = await context.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync();

        journalMode.Should().Equal("wal");
        synchronous.Should().Equal([2L], "2 is FULL");
    }

    [Test]
    public async Task Sqlite_Starts_WhenKilledMigrationLeftLock()
    {
        if (kind != StoreKind.Sqlite)
        {
            Assert.Ignore("SQLite only: EF Core keeps the SQLite migration lock in a table row, which outlives the process that wrote it.");
        }

        await using (var first = new GraphLiteFactory(_store.Configure))
        {
            using var client = first.CreateGraphClient();
            (await client.CreateAsync(Requests.Notification("before", id: "before-lock"))).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await using (var connection = new SqliteConnection(_store.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-01-01 00:00:00.0000000+00:00')";
            await command.ExecuteNonQueryAsync();
        }

        await using var second = new GraphLiteFactory(_store.Configure);
        var start = Task.Run(second.CreateGraphClient);

        (await Task.WhenAny(start, Task.Delay(TimeSpan.FromSeconds(60)))).Should().BeSameAs(start, "start-up must not wait for the abandoned lock");
        using var secondClient = await start;
        (await secondClient.GetAsync($"{Requests.SetPath}/before-lock")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Sqlite_DefaultsToFileInDataFolder()
    {
        if (kind != StoreKind.Sqlite)
        {
            Assert.Ignore("SQLite only.");
        }

        var dataFolder = Path.Combine(Path.GetTempPath(), $"graphlite-data-{Guid.NewGuid():N}");
        try
        {
            await using (var factory = new GraphLiteFactory(builder => TestStore.Configure(builder, new Dictionary<string, string?>
            {
                ["GraphLite:Storage:Provider"] = "Sqlite",
                ["GraphLite:DataFolder"] = dataFolder,
            })))
            {
                using var client = factory.CreateGraphClient();
                (await client.CreateAsync(Requests.Notification("p", id: "in-default-file"))).StatusCode.Should().Be(HttpStatusCode.Created);
            }

            var file = Path.Combine(dataFolder, "graphlite.db");
            File.Exists(file).Should().BeTrue();
            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT ParticipantId FROM ParticipantLeftNotification WHERE Id = 'in-default-file'";
            (await command.ExecuteScalarAsync()).Should().Be("p");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
