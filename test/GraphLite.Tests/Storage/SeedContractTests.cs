using System.Net;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Storage;

/// <summary>A seed file loads into an empty store, and only into an empty one, on every store.</summary>
[TestFixtureSource(typeof(StoreKinds), nameof(StoreKinds.All))]
public sealed class SeedContractTests(StoreKind kind)
{
    private TestStore _store = null!;
    private string _seedPath = null!;

    [SetUp]
    public void SetUp()
    {
        _store = TestStore.Create(kind);
        _seedPath = Path.Combine(Path.GetTempPath(), $"graphlite-seed-{Guid.NewGuid():N}.json");
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        if (_seedPath is not null)
        {
            File.Delete(_seedPath);
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Test]
    public async Task Seed_LoadsFile_WhenStoreIsEmpty()
    {
        await File.WriteAllTextAsync(_seedPath, """
            [
              {"@odata.type": "#microsoft.graph.participantLeftNotification", "id": "seeded-1", "participantId": "p-1"},
              {"id": "seeded-2", "participantId": "p-2"},
              {"participantId": "p-3"}
            ]
            """);
        await using var factory = new GraphLiteFactory(builder => TestStore.Configure(builder, WithSeed(_seedPath)));
        using var client = factory.CreateGraphClient();

        var list = await (await client.GetAsync($"{Requests.SetPath}?$orderby=participantId")).ReadJsonAsync();

        var items = list.GetProperty("value").EnumerateArray().ToList();
        items.Select(item => item.GetProperty("participantId").GetString()).Should().Equal("p-1", "p-2", "p-3");
        items[0].GetProperty("id").GetString().Should().Be("seeded-1");
        items[2].GetProperty("id").GetString().Should().MatchRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
        var read = await client.GetAsync($"{Requests.SetPath}/seeded-2");
        read.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Seed_IsSkipped_WhenStoreHasData()
    {
        if (kind == StoreKind.InMemory)
        {
            Assert.Ignore("The in-memory store starts empty on every start.");
        }

        await File.WriteAllTextAsync(_seedPath, """[{"id": "first-seed", "participantId": "p"}]""");
        await using (var first = new GraphLiteFactory(builder => TestStore.Configure(builder, WithSeed(_seedPath))))
        {
            using var client = first.CreateGraphClient();
            (await client.CreateAsync(Requests.Notification("posted", id: "posted"))).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await File.WriteAllTextAsync(_seedPath, """[{"id": "second-seed", "participantId": "p"}]""");
        await using var second = new GraphLiteFactory(builder => TestStore.Configure(builder, WithSeed(_seedPath)));
        using var secondClient = second.CreateGraphClient();

        var list = await (await secondClient.GetAsync($"{Requests.SetPath}?$orderby=id")).ReadJsonAsync();

        list.GetProperty("value").EnumerateArray().Select(item => item.GetProperty("id").GetString()).Should().Equal("first-seed", "posted");
    }

    private Dictionary<string, string?> WithSeed(string path) => new(_store.Settings) { ["GraphLite:Seed:Path"] = path };
}
