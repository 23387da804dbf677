using System.Net;
using System.Text.Json;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.EntitySet;

public sealed class MetadataLevelTests
{
    private const string Set = Requests.SetPath;

    private GraphLiteFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _factory = new GraphLiteFactory();
        _client = _factory.CreateGraphClient();
        await _client.SeedAsync("m1", "one");
        await _client.SeedAsync("m 2", "two");
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Full_WritesLinksAndEtag_OnEntity()
    {
        var (contentType, body) = await GetAsync($"{Set}/m%202", "full");

        contentType.Should().Be("application/json;odata.metadata=full;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
        body.PropertyNames().Should().Equal("@odata.context", "@odata.type", "@odata.id", "@odata.etag", "@odata.editLink", "id", "participantId");
        body.GetProperty("@odata.context").GetString().Should().Be("http://localhost/v1.0/$metadata#participantLeftNotifications/$entity");
        body.GetProperty("@odata.type").GetString().Should().Be(EntitySetRequests.NotificationType);
        body.GetProperty("@odata.id").GetString().Should().Be("http://localhost/v1.0/participantLeftNotifications/m%202");
        body.GetProperty("@odata.etag").GetString().Should().Be("W/\"1\"");
        body.GetProperty("@odata.editLink").GetString().Should().Be("participantLeftNotifications/m%202");
        body.GetProperty("id").GetString().Should().Be("m 2");
    }

    [Test]
    public async Task Full_WritesLinksAndEtag_OnItems()
    {
        var (_, body) = await GetAsync($"{Set}?$count=true", "full");

        body.PropertyNames().Should().Equal("@odata.context", "@odata.count", "value");
        var items = body.GetProperty("value").EnumerateArray().ToList();
        items.Should().HaveCount(2);
        items[0].PropertyNames().Should().Equal("@odata.type", "@odata.id", "@odata.etag", "@odata.editLink", "id", "participantId");
        items[0].GetProperty("@odata.id").GetString().Should().Be("http://localhost/v1.0/participantLeftNotifications/m%202");
        items[1].GetProperty("@odata.id").GetString().Should().Be("http://localhost/v1.0/participantLeftNotifications/m1");
    }

    [Test]
    public async Task Minimal_WritesTypeAndEtagOnly()
    {
        var (contentType, body) = await GetAsync($"{Set}/m1", "minimal");

        contentType.Should().Be(GraphAssertions.ODataJsonContentType);
        body.PropertyNames().Should().Equal("@odata.context", "@odata.type", "@odata.etag", "id", "participantId");
    }

    [Test]
    public async Task None_WritesNoAnnotations_OnOneEntity()
    {
        var (contentType, body) = await GetAsync($"{Set}/m1", "none");

        contentType.Should().Be("application/json;odata.metadata=none;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
        body.PropertyNames().Should().Equal("id", "participantId");
        body.GetProperty("participantId").GetString().Should().Be("one");
    }

    [Test]
    public async Task None_KeepsCountAndNextLink()
    {
        var (_, body) = await GetAsync($"{Set}?$count=true&$top=1", "none");

        body.PropertyNames().Should().Equal("@odata.count", "value", "@odata.nextLink");
        body.GetProperty("value")[0].PropertyNames().Should().Equal("id", "participantId");
    }

    [Test]
    public async Task Format_SelectsMetadataLevel()
    {
        var response = await _client.GetAsync($"{Set}/m1?$format=application/json;odata.metadata=none");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).PropertyNames().Should().Equal("id", "participantId");
    }

    private async Task<(string ContentType, JsonElement Body)> GetAsync(string url, string metadata)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", $"application/json;odata.metadata={metadata}");
        using var response = await _client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var contentType = response.Header("Content-Type");
        return (contentType, await response.ReadJsonAsync());
    }
}
