using System.Net;
using System.Text.Json;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Storage;

/// <summary>
/// The behaviour every store must share, driven over HTTP against GraphLite configured for each store in turn,
/// each test on a database of its own.
/// </summary>
[TestFixtureSource(typeof(StoreKinds), nameof(StoreKinds.All))]
public sealed class StoreContractTests(StoreKind kind) : StoreFixture(kind)
{
    [Test]
    public async Task Create_ThenGet_ReturnsStoredEntity()
    {
        var created = await Client.CreateAsync(Requests.Notification("participant-1", id: "contract-1"));

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var response = await Client.GetAsync($"{Requests.SetPath}/contract-1");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.GetProperty("id").GetString().Should().Be("contract-1");
        body.GetProperty("participantId").GetString().Should().Be("participant-1");
    }

    [Test]
    public async Task Create_WithoutId_StoresGeneratedKey()
    {
        var created = await (await Client.CreateAsync(Requests.Notification("generated"))).ReadJsonAsync();
        var id = created.GetProperty("id").GetString();

        var response = await Client.GetAsync($"{Requests.SetPath}/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("participantId").GetString().Should().Be("generated");
    }

    [Test]
    public async Task Get_Returns404_WhenKeyIsUnknown()
    {
        var response = await Client.GetAsync($"{Requests.SetPath}/never-created");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.NotFound, "Request_ResourceNotFound");
        error.GetProperty("message").GetString().Should().Contain("never-created");
    }

    [Test]
    public async Task List_Returns400_WhenFilterHasNulCharacter()
    {
        await Client.CreateAsync(Requests.Notification("p", id: "nul-filter"));

        var response = await Client.GetAsync($"{Requests.SetPath}?$filter=id eq 'a%00b'");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be("The query option '$filter' contains the character U+0000, which no stored value can contain.");
    }

    [Test]
    public async Task Create_Returns409AndKeepsFirst_WhenIdIsTaken()
    {
        (await Client.CreateAsync(Requests.Notification("first", id: "taken"))).StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await Client.CreateAsync(Requests.Notification("second", id: "taken"));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.Conflict, "conflictingObjects");
        error.GetProperty("message").GetString().Should().Be("Another object with the same value for property id already exists: 'taken'.");
        var stored = await (await Client.GetAsync($"{Requests.SetPath}/taken")).ReadJsonAsync();
        stored.GetProperty("participantId").GetString().Should().Be("first");
    }

    [Test]
    public async Task Create_StoresOneEntity_WhenSameIdIsPostedConcurrently()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(index => Client.CreateAsync(Requests.Notification($"racer-{index}", id: "race"))));

        responses.Count(response => response.StatusCode == HttpStatusCode.Created).Should().Be(1);
        foreach (var conflict in responses.Where(response => response.StatusCode != HttpStatusCode.Created))
        {
            await conflict.ShouldBeGraphErrorAsync(HttpStatusCode.Conflict, "conflictingObjects");
        }

        var list = await (await Client.GetAsync($"{Requests.SetPath}?$filter=id eq 'race'")).ReadJsonAsync();
        list.GetProperty("value").GetArrayLength().Should().Be(1);
    }

    [Test]
    public async Task List_ReturnsEveryCreatedEntity()
    {
        var ids = Enumerable.Range(0, 5).Select(index => $"list-{index}").ToList();
        foreach (var id in ids)
        {
            (await Client.CreateAsync(Requests.Notification($"p-{id}", id))).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var body = await (await Client.GetAsync(Requests.SetPath)).ReadJsonAsync();

        body.GetProperty("value").EnumerateArray().Select(item => item.GetProperty("id").GetString()).Should().BeEquivalentTo(ids);
    }

    [Test]
    public async Task List_FiltersOnProperty()
    {
        await Client.CreateAsync(Requests.Notification("wanted", id: "f-1"));
        await Client.CreateAsync(Requests.Notification("other", id: "f-2"));
        await Client.CreateAsync(Requests.Notification("wanted", id: "f-3"));

        var body = await (await Client.GetAsync($"{Requests.SetPath}?$filter=participantId eq 'wanted'&$count=true")).ReadJsonAsync();

        body.GetProperty("@odata.count").GetInt32().Should().Be(2);
        body.GetProperty("value").EnumerateArray().Select(item => item.GetProperty("id").GetString()).Should().BeEquivalentTo("f-1", "f-3");
    }

    [Test]
    public async Task List_OrdersKeysByCodePoint()
    {
        // Upper case before lower case, ASCII before accented letters: the order of ordinal comparison, which every
        // store must share for keyset paging to see each entity once.
        string[] keys = ["b", "B", "a", "A", "é", "Z", "z", "0", "~", "a-", "a0"];
        foreach (var key in keys)
        {
            (await Client.CreateAsync(Requests.Notification("p", key))).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var body = await (await Client.GetAsync($"{Requests.SetPath}?$orderby=id")).ReadJsonAsync();

        body.GetProperty("value").EnumerateArray().Select(item => item.GetProperty("id").GetString())
            .Should().Equal(keys.Order(StringComparer.Ordinal));
    }

    [Test]
    public async Task List_AppliesTopAndSelect()
    {
        foreach (var key in new[] { "t-3", "t-1", "t-2" })
        {
            await Client.CreateAsync(Requests.Notification($"p-{key}", key));
        }

        var body = await (await Client.GetAsync($"{Requests.SetPath}?$orderby=id desc&$top=2&$select=participantId")).ReadJsonAsync();

        var items = body.GetProperty("value").EnumerateArray().ToList();
        items.Select(item => item.GetProperty("participantId").GetString()).Should().Equal("p-t-3", "p-t-2");
        items.Select(item => item.TryGetProperty("id", out var id)).Should().AllBeEquivalentTo(false);
    }

    [Test]
    public async Task List_ReturnsEmptyValue_WhenStoreIsEmpty()
    {
        var body = await (await Client.GetAsync($"{Requests.SetPath}?$count=true")).ReadJsonAsync();

        body.GetProperty("@odata.count").GetInt32().Should().Be(0);
        body.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Array);
        body.GetProperty("value").GetArrayLength().Should().Be(0);
    }
}
