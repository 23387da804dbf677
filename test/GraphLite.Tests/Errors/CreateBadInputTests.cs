using System.Net;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Errors;

public sealed class CreateBadInputTests
{
    private GraphLiteFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new GraphLiteFactory();
        _client = _factory.CreateGraphClient();
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static IEnumerable<TestCaseData> BadBodies()
    {
        yield return Case("""{"participantId":"x" """, "RequestBodyRead", "Unexpected end of input", "truncated JSON");
        yield return Case("""{"participantId" "x"}""", "RequestBodyRead", "Invalid JSON", "malformed JSON");
        yield return Case("[]", "RequestBodyRead", "StartArray", "an array");
        yield return Case("42", "RequestBodyRead", "PrimitiveValue", "a number");
        yield return Case("", "BadRequest", "Empty Payload. JSON content expected.", "an empty body");
        yield return Case("{}", "BadRequest", "The 'participantId' property is required to create a participantLeftNotification.", "no participantId");
        yield return Case("""{"participantId":null}""", "RequestBodyRead", "A null value was found for the property named 'participantId'", "participantId null");
        yield return Case("""{"participantId":7}""", "RequestBodyRead", "Cannot convert the literal '7' to the expected type 'Edm.String'", "participantId a number");
        yield return Case("""{"participantId":{"a":1}}""", "RequestBodyRead", "property named 'participantId'", "participantId an object");
        yield return Case("""{"participantId":"x","callId":"c"}""", "RequestBodyRead", "The property 'callId' does not exist on type 'microsoft.graph.participantLeftNotification'", "an undeclared property");
        yield return Case("""{"@odata.type":"#microsoft.graph.unknownThing","participantId":"x"}""", "RequestBodyRead", "A type named 'microsoft.graph.unknownThing' could not be resolved by the model", "an unknown @odata.type");
        yield return Case("""{"@odata.type":"#microsoft.graph.entity","participantId":"x"}""", "RequestBodyRead", "'microsoft.graph.entity'", "the abstract entity type");
        yield return Case("""{"participantId":"x","id":12}""", "RequestBodyRead", "Cannot convert the literal '12' to the expected type 'Edm.String'", "id a number");
        yield return Case("""{"participantId":"x","id":""}""", "BadRequest", "The 'id' property must not be empty", "id empty");
    }

    private static TestCaseData Case(string body, string code, string messagePart, string name) =>
        new TestCaseData(body, code, messagePart).SetName($"Create_Returns400_For {name}");

    [TestCaseSource(nameof(BadBodies))]
    public async Task Create_Returns400(string body, string code, string messagePart)
    {
        var response = await _client.PostAsync(Requests.SetPath, Requests.Json(body));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, code);
        error.GetProperty("message").GetString().Should().Contain(messagePart);
        (await StoredCountAsync()).Should().Be(0);
    }

    [TestCase("text/plain")]
    [TestCase("application/xml")]
    [TestCase("application/x-www-form-urlencoded")]
    public async Task Create_Returns415_ForNonJsonContentType(string contentType)
    {
        var response = await _client.PostAsync(Requests.SetPath, Requests.Body("""{"participantId":"x"}""", contentType));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        error.GetProperty("message").GetString().Should().Contain(contentType);
        (await StoredCountAsync()).Should().Be(0);
    }

    [Test]
    public async Task Get_Returns400_ForUnknownEntitySet()
    {
        var response = await _client.GetAsync("noSuchSet");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be("Resource not found for the segment 'noSuchSet'.");
    }

    [Test]
    public async Task Post_Returns400_ForUnknownEntitySet()
    {
        var response = await _client.PostAsync("users", Requests.Json("""{"displayName":"x"}"""));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be("Resource not found for the segment 'users'.");
        response.Content.Headers.Allow.Should().BeEmpty();
    }

    [Test]
    public async Task Post_Returns405_OnEntity()
    {
        var created = await _client.CreateAsync(Requests.Notification("p", id: "post-target"));
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await _client.PostAsync($"{Requests.SetPath}/post-target", Requests.Json("""{"participantId":"x"}"""));

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.MethodNotAllowed, "Request_BadRequest");
    }

    [Test]
    public async Task Get_Returns400_ForRootWithoutVersion()
    {
        var response = await _client.GetAsync("/");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Contain("/v1.0/");
    }

    [Test]
    public async Task Get_Returns400_ForUnknownVersion()
    {
        var response = await _client.GetAsync("/beta/participantLeftNotifications");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be("Invalid version: beta");
    }

    [TestCase("participantLeftNotifications/no-such-id")]
    [TestCase("participantLeftNotifications('no-such-id')")]
    public async Task Get_Returns404_ForUnknownKey(string path)
    {
        var response = await _client.GetAsync(path);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.NotFound, "Request_ResourceNotFound");
        error.GetProperty("message").GetString().Should().Contain("'no-such-id'");
    }

    [Test]
    public async Task Delete_Returns405_OnCollection()
    {
        var response = await _client.DeleteAsync(Requests.SetPath);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.MethodNotAllowed, "Request_BadRequest");
        error.GetProperty("message").GetString().Should().Be("Specified HTTP method is not allowed for the request target.");
        response.Content.Headers.Allow.Should().Contain("GET").And.Contain("POST");
    }

    [Test]
    public async Task Error_EchoesClientRequestId()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Requests.SetPath) { Content = Requests.Json("{}") };
        request.Headers.Add("client-request-id", "trace-from-client");

        var response = await _client.SendAsync(request);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("innerError").GetProperty("client-request-id").GetString().Should().Be("trace-from-client");
    }

    private async Task<int> StoredCountAsync()
    {
        var body = await (await _client.GetAsync(Requests.SetPath)).ReadJsonAsync();
        return body.GetProperty("value").GetArrayLength();
    }
}
