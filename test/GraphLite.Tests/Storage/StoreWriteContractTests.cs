using System.Net;
using GraphLite.Tests.EntitySet;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Storage;

/// <summary>
/// Updates, deletes and their preconditions behave the same on every store: the row version behind the ETag is the
/// store's concurrency token, so a stale <c>If-Match</c> is a 412 and of two writers with the same one only one wins.
/// </summary>
[TestFixtureSource(typeof(StoreKinds), nameof(StoreKinds.All))]
public sealed class StoreWriteContractTests(StoreKind kind) : StoreFixture(kind)
{
    private const string Url = $"{Requests.SetPath}/w1";

    [SetUp]
    public async Task SeedAsync() => (await Client.SeedAsync("w1", "first")).Should().Be("W/\"1\"");

    [Test]
    public async Task Patch_ChangesProperty_AndRaisesETag()
    {
        var response = await Client.SendJsonAsync(HttpMethod.Patch, Url, """{"participantId":"patched"}""", ("If-Match", "W/\"1\""));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Header("ETag").Should().Be("W/\"2\"");
        var read = await Client.GetAsync(Url);
        read.Header("ETag").Should().Be("W/\"2\"");
        var stored = await read.ReadJsonAsync();
        stored.GetProperty("participantId").GetString().Should().Be("patched");
        stored.GetProperty("@odata.etag").GetString().Should().Be("W/\"2\"");
    }

    [Test]
    public async Task Put_ReplacesEntity_AndRaisesETag()
    {
        var response = await Client.SendJsonAsync(HttpMethod.Put, Url, """{"id":"w1","participantId":"replaced"}""",
            ("If-Match", "W/\"1\""), ("Prefer", "return=representation"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("ETag").Should().Be("W/\"2\"");
        (await response.ReadJsonAsync()).GetProperty("participantId").GetString().Should().Be("replaced");
        var stored = await (await Client.GetAsync(Url)).ReadJsonAsync();
        stored.GetProperty("participantId").GetString().Should().Be("replaced");
    }

    [Test]
    public async Task Delete_RemovesEntity_AndFreesItsKey()
    {
        var deleted = await Client.SendJsonAsync(HttpMethod.Delete, Url, null, ("If-Match", "W/\"1\""));
        var read = await Client.GetAsync(Url);
        var deletedAgain = await Client.SendJsonAsync(HttpMethod.Delete, Url, null);
        var count = await Client.GetStringAsync($"{Requests.SetPath}/$count");
        var recreated = await Client.CreateAsync(Requests.Notification("second life", "w1"));

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await read.ShouldBeGraphErrorAsync(HttpStatusCode.NotFound, "Request_ResourceNotFound");
        await deletedAgain.ShouldBeGraphErrorAsync(HttpStatusCode.NotFound, "Request_ResourceNotFound");
        count.Should().Be("0");
        recreated.StatusCode.Should().Be(HttpStatusCode.Created);
        recreated.Header("ETag").Should().Be("W/\"1\"");
    }

    [TestCase("PATCH", """{"participantId":"late"}""")]
    [TestCase("PUT", """{"participantId":"late"}""")]
    [TestCase("DELETE", null)]
    public async Task Write_Returns412_WhenIfMatchIsStale(string method, string? body)
    {
        (await Client.SendJsonAsync(HttpMethod.Patch, Url, """{"participantId":"second"}""")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var response = await Client.SendJsonAsync(new HttpMethod(method), Url, body, ("If-Match", "W/\"1\""));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.PreconditionFailed, "resourceModified");
        error.GetProperty("message").GetString().Should().Contain("'w1'");
        var stored = await (await Client.GetAsync(Url)).ReadJsonAsync();
        stored.GetProperty("participantId").GetString().Should().Be("second");
        stored.GetProperty("@odata.etag").GetString().Should().Be("W/\"2\"");
    }

    [Test]
    public async Task IfMatchStar_UpdatesExistingEntity()
    {
        var response = await Client.SendJsonAsync(HttpMethod.Patch, Url, """{"participantId":"starred"}""", ("If-Match", "*"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Header("ETag").Should().Be("W/\"2\"");
    }

    [TestCase("PATCH", """{"participantId":"x"}""")]
    [TestCase("DELETE", null)]
    public async Task IfMatchStar_Returns404_WhenKeyIsUnknown(string method, string? body)
    {
        var response = await Client.SendJsonAsync(new HttpMethod(method), $"{Requests.SetPath}/never-created", body, ("If-Match", "*"));

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    [Test]
    public async Task Get_Returns304_WhenIfNoneMatchIsCurrent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.TryAddWithoutValidation("If-None-Match", "W/\"1\"");

        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Header("ETag").Should().Be("W/\"1\"");
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task Get_Returns200_WhenIfNoneMatchIsStale()
    {
        (await Client.SendJsonAsync(HttpMethod.Patch, Url, """{"participantId":"second"}""")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.TryAddWithoutValidation("If-None-Match", "W/\"1\"");

        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("ETag").Should().Be("W/\"2\"");
        (await response.ReadJsonAsync()).GetProperty("participantId").GetString().Should().Be("second");
    }

    [Test]
    public async Task Patch_SameIfMatch_HasOneWinner()
    {
        const int Writers = 8;

        var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(index =>
            Client.SendJsonAsync(HttpMethod.Patch, Url, $$"""{"participantId":"writer-{{index}}"}""", ("If-Match", "W/\"1\""))));

        var winners = responses.Where(response => response.StatusCode == HttpStatusCode.NoContent).ToList();
        winners.Should().ContainSingle();
        foreach (var loser in responses.Except(winners))
        {
            await loser.ShouldBeGraphErrorAsync(HttpStatusCode.PreconditionFailed, "resourceModified");
        }

        var stored = await (await Client.GetAsync(Url)).ReadJsonAsync();
        stored.GetProperty("@odata.etag").GetString().Should().Be("W/\"2\"");
        stored.GetProperty("participantId").GetString().Should().StartWith("writer-");
    }

    [Test]
    public async Task Patch_WithoutIfMatch_RetriesLostRaces()
    {
        const int Writers = 6;

        var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(index =>
            Client.SendJsonAsync(HttpMethod.Patch, Url, $$"""{"participantId":"writer-{{index}}"}""")));

        // GraphLite retries each lost race on the newer version, up to three times, and then responds with 409.
        var succeeded = responses.Count(response => response.StatusCode == HttpStatusCode.NoContent);
        succeeded.Should().BePositive();
        foreach (var conflict in responses.Where(response => response.StatusCode != HttpStatusCode.NoContent))
        {
            await conflict.ShouldBeGraphErrorAsync(HttpStatusCode.Conflict, "conflict");
        }

        var stored = await (await Client.GetAsync(Url)).ReadJsonAsync();
        stored.GetProperty("@odata.etag").GetString().Should().Be($"W/\"{1 + succeeded}\"");
    }
}
