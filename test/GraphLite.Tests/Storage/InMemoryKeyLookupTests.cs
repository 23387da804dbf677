using System.Net;
using GraphLite.Notifications;
using GraphLite.Storage;
using GraphLite.Storage.InMemory;
using GraphLite.Tests.EntitySet;
using GraphLite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.Storage;

/// <summary>
/// Every request that names a key finds it in the in-memory store's key index, never by scanning EF Core's table.
/// To tell the two apart, each test makes them disagree on purpose: a row only in the index, which only an index
/// lookup can find, or a row only in the table, which only a scan can find.
/// </summary>
public sealed class InMemoryKeyLookupTests
{
    private const string Url = $"{Requests.SetPath}/ghost";

    private GraphLiteFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new GraphLiteFactory();
        _client = _factory.CreateGraphClient();
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Get_FindsRowThatOnlyIndexHolds()
    {
        await IndexOnlyAsync("ghost", rowVersion: 7);

        var response = await _client.GetAsync(Url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("ETag").Should().Be("W/\"7\"");
        (await response.ReadJsonAsync()).GetProperty("participantId").GetString().Should().Be("only in the index");
    }

    [Test]
    public async Task Preconditions_ReadVersionFromIndex()
    {
        await IndexOnlyAsync("ghost", rowVersion: 7);

        var notModified = await _client.SendJsonAsync(HttpMethod.Get, Url, null, ("If-None-Match", "W/\"7\""));
        var stale = await _client.SendJsonAsync(HttpMethod.Get, Url, null, ("If-Match", "W/\"6\""));
        var property = await _client.GetAsync($"{Url}/participantId");

        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        await stale.ShouldBeGraphErrorAsync(HttpStatusCode.PreconditionFailed, "resourceModified");
        property.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Post_ChecksDuplicateIdInIndex()
    {
        await IndexOnlyAsync("ghost", rowVersion: 1);

        var response = await _client.CreateAsync(Requests.Notification("second", "ghost"));

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.Conflict, "conflictingObjects");
    }

    // The write finds the row in the index, EF Core's save then finds no row with that version in the table, and the
    // check that follows looks the key up in the index again. A lookup in the table at either step would end in 404.
    [TestCase("PATCH", """{"participantId":"x"}""", null, HttpStatusCode.Conflict, "conflict")]
    [TestCase("PUT", """{"participantId":"x"}""", null, HttpStatusCode.Conflict, "conflict")]
    [TestCase("DELETE", null, null, HttpStatusCode.Conflict, "conflict")]
    [TestCase("PATCH", """{"participantId":"x"}""", "W/\"7\"", HttpStatusCode.PreconditionFailed, "resourceModified")]
    [TestCase("DELETE", null, "W/\"7\"", HttpStatusCode.PreconditionFailed, "resourceModified")]
    public async Task Writes_FindRowAndCheckExistenceInIndex(string method, string? body, string? ifMatch, HttpStatusCode status, string code)
    {
        await IndexOnlyAsync("ghost", rowVersion: 7);
        (string, string)[] headers = ifMatch is null ? [] : [("If-Match", ifMatch)];

        var response = await _client.SendJsonAsync(new HttpMethod(method), Url, body, headers);

        await response.ShouldBeGraphErrorAsync(status, code);
    }

    [Test]
    public async Task Get_Returns404_ForRowThatOnlyTableHolds()
    {
        await _client.SeedAsync("ghost", "only in the table");
        RemoveFromIndex("ghost");

        var byKey = await _client.GetAsync(Url);
        var byFilter = await _client.GetPageAsync($"{Requests.SetPath}?$filter=id eq 'ghost'");

        await byKey.ShouldBeGraphErrorAsync(HttpStatusCode.NotFound, "Request_ResourceNotFound");
        byFilter.Ids().Should().Equal("ghost");
    }

    private async Task IndexOnlyAsync(string id, long rowVersion)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var entityType = scope.ServiceProvider.GetRequiredService<GraphLiteDbContext>().Model.FindEntityType(typeof(ParticipantLeftNotification))!;
        var row = new ParticipantLeftNotification { Id = id, ParticipantId = "only in the index", RowVersion = rowVersion };
        _factory.Services.GetRequiredService<InMemoryKeyIndex>().Store(entityType, row);
    }

    private void RemoveFromIndex(string id)
    {
        using var scope = _factory.Services.CreateScope();
        var entityType = scope.ServiceProvider.GetRequiredService<GraphLiteDbContext>().Model.FindEntityType(typeof(ParticipantLeftNotification))!;
        _factory.Services.GetRequiredService<InMemoryKeyIndex>().Remove(entityType, id);
    }
}
