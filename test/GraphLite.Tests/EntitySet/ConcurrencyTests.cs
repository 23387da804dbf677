using System.Net;
using GraphLite.Notifications;
using GraphLite.Storage;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.EntitySet;

public sealed class ConcurrencyTests
{
    private const string Set = Requests.SetPath;
    private const string StaleMessage =
        "The ETag in If-Match or If-None-Match does not match the current version of 'c1'. Read the entity again and retry with its current ETag.";

    private GraphLiteFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _factory = new GraphLiteFactory();
        _client = _factory.CreateGraphClient();
        (await _client.SeedAsync("c1", "first")).Should().Be("W/\"1\"");
        (await _client.SendJsonAsync(HttpMethod.Patch, $"{Set}/c1", """{"participantId":"second"}""")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Get_SendsETagHeader_ThatMatchesTheBody()
    {
        var response = await _client.GetAsync($"{Set}/c1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("ETag").Should().Be("W/\"2\"");
        (await response.ReadJsonAsync()).GetProperty("@odata.etag").GetString().Should().Be("W/\"2\"");
    }

    [TestCase("PATCH", """{"participantId":"third"}""")]
    [TestCase("PUT", """{"participantId":"third"}""")]
    [TestCase("DELETE", null)]
    public async Task Write_Returns412_WhenIfMatchIsStale(string method, string? body)
    {
        var response = await _client.SendJsonAsync(new HttpMethod(method), $"{Set}/c1", body, ("If-Match", "W/\"1\""));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.PreconditionFailed, "resourceModified");
        error.GetProperty("message").GetString().Should().Be(StaleMessage);
        var stored = await (await _client.GetAsync($"{Set}/c1")).ReadJsonAsync();
        stored.GetProperty("participantId").GetString().Should().Be("second");
        stored.GetProperty("@odata.etag").GetString().Should().Be("W/\"2\"");
    }

    [TestCase("PATCH", """{"participantId":"third"}""", HttpStatusCode.NoContent)]
    [TestCase("PUT", """{"participantId":"third"}""", HttpStatusCode.NoContent)]
    [TestCase("DELETE", null, HttpStatusCode.NoContent)]
    public async Task Write_Succeeds_WhenIfMatchIsCurrent(string method, string? body, HttpStatusCode expected)
    {
        var response = await _client.SendJsonAsync(new HttpMethod(method), $"{Set}/c1", body, ("If-Match", "W/\"2\""));

        response.StatusCode.Should().Be(expected);
    }

    [TestCase("\"2\"")]
    [TestCase("W/\"9\", W/\"2\"")]
    [TestCase("*")]
    public async Task Patch_Succeeds_WhenIfMatchListsCurrentTag(string ifMatch)
    {
        var response = await _client.SendJsonAsync(HttpMethod.Patch, $"{Set}/c1", """{"participantId":"third"}""", ("If-Match", ifMatch));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Header("ETag").Should().Be("W/\"3\"");
    }

    [Test]
    public async Task IfMatchAny_Returns404_ForUnknownKey()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Delete, $"{Set}/missing", null, ("If-Match", "*"));

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    [Test]
    public async Task Get_Returns304_WhenIfNoneMatchIsCurrent()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Get, $"{Set}/c1", null, ("If-None-Match", "W/\"2\""));

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Header("ETag").Should().Be("W/\"2\"");
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task Get_Returns200_WhenIfNoneMatchIsStale()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Get, $"{Set}/c1", null, ("If-None-Match", "W/\"1\""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("participantId").GetString().Should().Be("second");
    }

    [Test]
    public async Task Get_Returns412_WhenIfMatchIsStale()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Get, $"{Set}/c1", null, ("If-Match", "W/\"1\""));

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.PreconditionFailed, "resourceModified");
    }

    [Test]
    public async Task Patch_Returns412_ForIfNoneMatchAny()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Patch, $"{Set}/c1", """{"participantId":"third"}""", ("If-None-Match", "*"));

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.PreconditionFailed, "resourceModified");
    }

    [TestCase("If-Match", "2")]
    [TestCase("If-None-Match", "W/2")]
    public async Task Write_Returns400_ForMalformedPrecondition(string header, string value)
    {
        var response = await _client.SendJsonAsync(HttpMethod.Patch, $"{Set}/c1", """{"participantId":"third"}""", (header, value));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be(
            $"The {header} header is not a valid list of entity tags. Send '*' or the ETag exactly as GraphLite returned it, e.g. W/\"3\".");
    }

    [Test]
    public async Task RacingPatches_LetExactlyOneWin()
    {
        // The gate keeps each PATCH waiting after its If-Match check until both have passed it, so both race to save.
        var gate = new SaveGate(writers: 2);
        using var factory = new GraphLiteFactory(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IEntityStore<ParticipantLeftNotification>>(provider => new GatedStore(
                new EntityFrameworkStore<ParticipantLeftNotification>(provider.GetRequiredService<GraphLiteDbContext>()), gate))));
        using var client = factory.CreateGraphClient();
        var etag = await client.SeedAsync("c1", "first");

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(index =>
            client.SendJsonAsync(HttpMethod.Patch, $"{Set}/c1", $$"""{"participantId":"racer-{{index}}"}""", ("If-Match", etag))));

        gate.Arrived.Should().Be(2, "both writers passed the If-Match check before either saved");
        responses.Count(response => response.StatusCode == HttpStatusCode.NoContent).Should().Be(1);
        var loser = responses.Single(response => response.StatusCode != HttpStatusCode.NoContent);
        var error = await loser.ShouldBeGraphErrorAsync(HttpStatusCode.PreconditionFailed, "resourceModified");
        error.GetProperty("message").GetString().Should().Be(StaleMessage);
        var winner = Array.FindIndex(responses, response => response.StatusCode == HttpStatusCode.NoContent);
        var stored = await (await client.GetAsync($"{Set}/c1")).ReadJsonAsync();
        stored.GetProperty("participantId").GetString().Should().Be($"racer-{winner}");
        stored.GetProperty("@odata.etag").GetString().Should().Be("W/\"2\"");
    }

    [Test]
    public async Task RepeatedPatches_ApplyOnlyTheFirst()
    {
        var responses = new List<HttpResponseMessage>();
        for (var index = 0; index < 3; index++)
        {
            responses.Add(await _client.SendJsonAsync(HttpMethod.Patch, $"{Set}/c1", $$"""{"participantId":"writer-{{index}}"}""", ("If-Match", "W/\"2\"")));
        }

        responses.Select(response => response.StatusCode).Should().Equal(HttpStatusCode.NoContent, HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed);
        (await (await _client.GetAsync($"{Set}/c1")).ReadJsonAsync()).GetProperty("participantId").GetString().Should().Be("writer-0");
    }

    [Test]
    public async Task RacingPatches_WithoutIfMatch_AllApply()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(index =>
            _client.SendJsonAsync(HttpMethod.Patch, $"{Set}/c1", $$"""{"participantId":"racer-{{index}}"}""")));

        responses.Should().OnlyContain(response => response.StatusCode == HttpStatusCode.NoContent);
        (await (await _client.GetAsync($"{Set}/c1")).ReadJsonAsync()).GetProperty("@odata.etag").GetString().Should().Be("W/\"6\"");
    }

    [Test]
    public async Task Store_SavesOnlyFirstWriter_OfOneVersion()
    {
        using var firstScope = _factory.Services.CreateScope();
        using var secondScope = _factory.Services.CreateScope();
        var firstStore = firstScope.ServiceProvider.GetRequiredService<IEntityStore<ParticipantLeftNotification>>();
        var secondStore = secondScope.ServiceProvider.GetRequiredService<IEntityStore<ParticipantLeftNotification>>();
        var firstCopy = (await firstStore.FindAsync("c1", CancellationToken.None))!;
        var secondCopy = (await secondStore.FindAsync("c1", CancellationToken.None))!;

        firstCopy.ParticipantId = "first writer";
        secondCopy.ParticipantId = "second writer";
        var firstResult = await firstStore.TryUpdateAsync(firstCopy, expectedVersion: 2, CancellationToken.None);
        var secondResult = await secondStore.TryUpdateAsync(secondCopy, expectedVersion: 2, CancellationToken.None);

        firstResult.Should().Be(StoreWriteResult.Succeeded);
        secondResult.Should().Be(StoreWriteResult.VersionMismatch);
        var stored = await (await _client.GetAsync($"{Set}/c1")).ReadJsonAsync();
        stored.GetProperty("participantId").GetString().Should().Be("first writer");
        stored.GetProperty("@odata.etag").GetString().Should().Be("W/\"3\"");
    }

    [Test]
    public async Task Store_ReportsNotFound_WhenRowWasDeleted()
    {
        using var firstScope = _factory.Services.CreateScope();
        var store = firstScope.ServiceProvider.GetRequiredService<IEntityStore<ParticipantLeftNotification>>();
        var copy = (await store.FindAsync("c1", CancellationToken.None))!;

        (await _client.DeleteAsync($"{Set}/c1")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        copy.ParticipantId = "too late";
        var result = await store.TryUpdateAsync(copy, expectedVersion: 2, CancellationToken.None);

        result.Should().Be(StoreWriteResult.NotFound);
    }
}
