using System.Net;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.EntitySet;

public sealed class WriteTests
{
    private const string Set = Requests.SetPath;

    private GraphLiteFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _factory = new GraphLiteFactory();
        _client = _factory.CreateGraphClient();
        await _client.SeedAsync("w1", "before");
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Patch_Returns204_WithNewETag()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Patch, $"{Set}/w1", """{"participantId":"after"}""");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Header("ETag").Should().Be("W/\"2\"");
        response.Headers.Contains("Preference-Applied").Should().BeFalse();
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        var stored = await (await _client.GetAsync($"{Set}/w1")).ReadJsonAsync();
        stored.GetProperty("participantId").GetString().Should().Be("after");
        stored.GetProperty("@odata.etag").GetString().Should().Be("W/\"2\"");
    }

    [Test]
    public async Task Patch_Returns200WithEntity_WhenRepresentationIsPreferred()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Patch, $"{Set}('w1')", """{"participantId":"after"}""", ("Prefer", "return=representation"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().Be(GraphAssertions.ODataJsonContentType);
        response.Header("Preference-Applied").Should().Be("return=representation");
        response.Header("ETag").Should().Be("W/\"2\"");
        var body = await response.ReadJsonAsync();
        body.PropertyNames().Should().Equal("@odata.context", "@odata.type", "@odata.etag", "id", "participantId");
        body.GetProperty("@odata.context").GetString().Should().Be("http://localhost/v1.0/$metadata#participantLeftNotifications/$entity");
        body.GetProperty("@odata.etag").GetString().Should().Be("W/\"2\"");
        body.GetProperty("id").GetString().Should().Be("w1");
        body.GetProperty("participantId").GetString().Should().Be("after");
    }

    [Test]
    public async Task Patch_EchoesMinimal_WhenMinimalIsPreferred()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Patch, $"{Set}/w1", """{"participantId":"after"}""", ("Prefer", "return=minimal"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Header("Preference-Applied").Should().Be("return=minimal");
    }

    [Test]
    public async Task Patch_AcceptsTheSameId()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Patch, $"{Set}/w1", """{"id":"w1","participantId":"after"}""");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [TestCase("""{"participantId":null}""", "RequestBodyRead", "A null value was found for the property named 'participantId'")]
    [TestCase("""{"callId":"c"}""", "RequestBodyRead", "The property 'callId' does not exist on type 'microsoft.graph.participantLeftNotification'")]
    [TestCase("""{"participantId":7}""", "RequestBodyRead", "Cannot convert the literal '7' to the expected type 'Edm.String'")]
    [TestCase("""{"id":"other"}""", "BadRequest", "The 'id' property is the key and cannot be changed: the URL names 'w1', the body 'other'.")]
    [TestCase("""{"participantId":""", "RequestBodyRead", "Unexpected end of input")]
    public async Task Patch_Returns400_AndKeepsTheEntity(string body, string code, string messagePart)
    {
        var response = await _client.SendJsonAsync(HttpMethod.Patch, $"{Set}/w1", body);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, code);
        error.GetProperty("message").GetString().Should().Contain(messagePart);
        var stored = await (await _client.GetAsync($"{Set}/w1")).ReadJsonAsync();
        stored.GetProperty("participantId").GetString().Should().Be("before");
        stored.GetProperty("@odata.etag").GetString().Should().Be("W/\"1\"");
    }

    [TestCase("PATCH")]
    [TestCase("PUT")]
    public async Task Update_Returns404_ForUnknownKey(string method)
    {
        var response = await _client.SendJsonAsync(new HttpMethod(method), $"{Set}/missing", """{"participantId":"x"}""");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.NotFound, "Request_ResourceNotFound");
        error.GetProperty("message").GetString().Should().Be(
            "Resource 'missing' does not exist or one of its queried reference-property objects are not present.");
    }

    [Test]
    public async Task Put_ReplacesTheEntity_AndReturns204()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Put, $"{Set}/w1", """{"@odata.type":"#microsoft.graph.participantLeftNotification","participantId":"replaced"}""");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Header("ETag").Should().Be("W/\"2\"");
        var stored = await (await _client.GetAsync($"{Set}/w1")).ReadJsonAsync();
        stored.GetProperty("id").GetString().Should().Be("w1");
        stored.GetProperty("participantId").GetString().Should().Be("replaced");
    }

    [Test]
    public async Task Put_Returns200WithEntity_WhenRepresentationIsPreferred()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Put, $"{Set}/w1", """{"id":"w1","participantId":"replaced"}""", ("Prefer", "return=representation"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Preference-Applied").Should().Be("return=representation");
        var body = await response.ReadJsonAsync();
        body.GetProperty("participantId").GetString().Should().Be("replaced");
        body.GetProperty("@odata.etag").GetString().Should().Be("W/\"2\"");
    }

    [TestCase("{}", "BadRequest", "The 'participantId' property is required to replace a participantLeftNotification.")]
    [TestCase("""{"id":"other","participantId":"x"}""", "BadRequest", "The 'id' property is the key and cannot be changed: the URL names 'w1', the body 'other'.")]
    [TestCase("""{"participantId":null}""", "RequestBodyRead", "A null value was found for the property named 'participantId'")]
    [TestCase("""{"participantId":"x","extra":1}""", "RequestBodyRead", "The property 'extra' does not exist")]
    public async Task Put_Returns400_AndKeepsTheEntity(string body, string code, string messagePart)
    {
        var response = await _client.SendJsonAsync(HttpMethod.Put, $"{Set}/w1", body);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, code);
        error.GetProperty("message").GetString().Should().Contain(messagePart);
        (await (await _client.GetAsync($"{Set}/w1")).ReadJsonAsync()).GetProperty("participantId").GetString().Should().Be("before");
    }

    [Test]
    public async Task Delete_Returns204_ThenGetReturns404()
    {
        var response = await _client.DeleteAsync($"{Set}/w1");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        var read = await _client.GetAsync($"{Set}/w1");
        await read.ShouldBeGraphErrorAsync(HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    [Test]
    public async Task Delete_Returns404_ForUnknownKey()
    {
        var response = await _client.DeleteAsync($"{Set}('missing')");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.NotFound, "Request_ResourceNotFound");
        error.GetProperty("message").GetString().Should().Contain("'missing'");
    }

    [Test]
    public async Task Post_Returns204WithLocation_WhenMinimalIsPreferred()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Post, Set, Requests.Notification("quiet", "m1"), ("Prefer", "return=minimal"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Header("Location").Should().Be("http://localhost/v1.0/participantLeftNotifications/m1");
        response.Header("OData-EntityId").Should().Be("http://localhost/v1.0/participantLeftNotifications/m1");
        response.Header("Preference-Applied").Should().Be("return=minimal");
        response.Header("ETag").Should().Be("W/\"1\"");
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        (await _client.GetAsync($"{Set}/m1")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Post_EchoesPreference_ForRepresentation()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Post, Set, Requests.Notification("loud", "r1"), ("Prefer", "return=representation"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Header("Preference-Applied").Should().Be("return=representation");
        response.Header("ETag").Should().Be("W/\"1\"");
        (await response.ReadJsonAsync()).GetProperty("participantId").GetString().Should().Be("loud");
    }

    [Test]
    public async Task Property_ReturnsValueWithPropertyContext()
    {
        var response = await _client.GetAsync($"{Set}/w1/participantId");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().Be(GraphAssertions.ODataJsonContentType);
        response.Header("ETag").Should().Be("W/\"1\"");
        var body = await response.ReadJsonAsync();
        body.PropertyNames().Should().Equal("@odata.context", "value");
        body.GetProperty("@odata.context").GetString().Should().Be("http://localhost/v1.0/$metadata#participantLeftNotifications('w1')/participantId");
        body.GetProperty("value").GetString().Should().Be("before");
    }

    [Test]
    public async Task PropertyValue_ReturnsRawText()
    {
        var response = await _client.GetAsync($"{Set}('w1')/participantId/$value");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().Be("text/plain; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).Should().Be("before");
    }

    [Test]
    public async Task Property_Returns404_ForUnknownKey()
    {
        var response = await _client.GetAsync($"{Set}/missing/participantId");

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    [Test]
    public async Task Property_Returns400_ForUnknownProperty()
    {
        var response = await _client.GetAsync($"{Set}/w1/noSuchProperty");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Contain("noSuchProperty");
    }
}
