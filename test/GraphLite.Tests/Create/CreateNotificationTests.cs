using System.Net;
using System.Text.RegularExpressions;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Create;

public sealed partial class CreateNotificationTests
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

    [Test]
    public async Task Create_Returns201WithGraphBody()
    {
        var response = await _client.CreateAsync(Requests.Notification("participant-1"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.ReadJsonAsync();
        body.EnumerateObject().Select(property => property.Name).Should()
            .Equal("@odata.context", "@odata.type", "@odata.etag", "id", "participantId");
        body.GetProperty("@odata.context").GetString().Should()
            .Be("http://localhost/v1.0/$metadata#participantLeftNotifications/$entity");
        body.GetProperty("@odata.type").GetString().Should().Be("#microsoft.graph.participantLeftNotification");
        body.GetProperty("id").GetString().Should().MatchRegex(LowerCaseGuid());
        body.GetProperty("participantId").GetString().Should().Be("participant-1");
    }

    [Test]
    public async Task Create_SendsGraphHeaders()
    {
        var response = await _client.CreateAsync(Requests.Notification("participant-1"));

        response.Header("Content-Type").Should().Be(GraphAssertions.ODataJsonContentType);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetString();
        response.Header("OData-Version").Should().Be("4.0");
        response.Headers.Location.Should().Be(new Uri($"http://localhost/v1.0/participantLeftNotifications/{id}"));
        response.Header("request-id").Should().MatchRegex(LowerCaseGuid());
        response.Header("client-request-id").Should().Be(response.Header("request-id"));
        response.Headers.Date.Should().NotBeNull();
    }

    [Test]
    public async Task Create_EchoesClientRequestId_WhenClientSendsOne()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Requests.SetPath) { Content = Requests.Json(Requests.Notification("p")) };
        request.Headers.Add("client-request-id", "my-trace-7");

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Header("client-request-id").Should().Be("my-trace-7");
        response.Header("request-id").Should().MatchRegex(LowerCaseGuid()).And.NotBe("my-trace-7");
    }

    [Test]
    public async Task Create_GivesEachRequestANewRequestId()
    {
        var first = await _client.CreateAsync(Requests.Notification("p"));
        var second = await _client.CreateAsync(Requests.Notification("p"));

        first.Header("request-id").Should().NotBe(second.Header("request-id"));
    }

    [Test]
    public async Task Create_AcceptsBodyWithoutODataType()
    {
        var response = await _client.CreateAsync("""{"participantId":"no-type"}""");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.ReadJsonAsync();
        body.GetProperty("@odata.type").GetString().Should().Be("#microsoft.graph.participantLeftNotification");
        body.GetProperty("participantId").GetString().Should().Be("no-type");
    }

    [Test]
    public async Task Create_KeepsClientChosenId()
    {
        var response = await _client.CreateAsync(Requests.Notification("p", id: "bot-call-42"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.ReadJsonAsync()).GetProperty("id").GetString().Should().Be("bot-call-42");
        response.Headers.Location.Should().Be(new Uri("http://localhost/v1.0/participantLeftNotifications/bot-call-42"));
    }

    [Test]
    public async Task Create_EscapesKeyInLocation()
    {
        var response = await _client.CreateAsync("""{"id":"a/b c?d#e%f'g\u00e9","participantId":"p"}""");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Header("Location").Should()
            .Be("http://localhost/v1.0/participantLeftNotifications/a%2Fb%20c%3Fd%23e%25f%27g%C3%A9");
    }

    [Test]
    public async Task Create_Returns409_WhenIdIsTaken()
    {
        (await _client.CreateAsync(Requests.Notification("first", id: "same-id"))).StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await _client.CreateAsync(Requests.Notification("second", id: "same-id"));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.Conflict, "conflictingObjects");
        error.GetProperty("message").GetString().Should().Contain("same-id");
        var stored = await (await _client.GetAsync($"{Requests.SetPath}/same-id")).ReadJsonAsync();
        stored.GetProperty("participantId").GetString().Should().Be("first");
    }

    [Test]
    public async Task Create_StoresOneEntity_WhenSameIdIsPostedConcurrently()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(index => _client.CreateAsync(Requests.Notification($"racer-{index}", id: "race"))));

        responses.Count(response => response.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Count(response => response.StatusCode == HttpStatusCode.Conflict).Should().Be(7);
    }

    [TestCase("participantLeftNotifications/{0}")]
    [TestCase("participantLeftNotifications('{0}')")]
    public async Task Get_ReturnsCreatedEntity_InBothKeyForms(string pathFormat)
    {
        var created = await (await _client.CreateAsync(Requests.Notification("reader"))).ReadJsonAsync();
        var id = created.GetProperty("id").GetString();

        var response = await _client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, id));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().Be(GraphAssertions.ODataJsonContentType);
        response.Header("OData-Version").Should().Be("4.0");
        var body = await response.ReadJsonAsync();
        body.EnumerateObject().Select(property => property.Name).Should()
            .Equal("@odata.context", "@odata.type", "@odata.etag", "id", "participantId");
        body.GetProperty("@odata.context").GetString().Should()
            .Be("http://localhost/v1.0/$metadata#participantLeftNotifications/$entity");
        body.GetProperty("@odata.type").GetString().Should().Be("#microsoft.graph.participantLeftNotification");
        body.GetProperty("id").GetString().Should().Be(id);
        body.GetProperty("participantId").GetString().Should().Be("reader");
    }

    [Test]
    public async Task Get_FollowsLocationOfCreate()
    {
        var created = await _client.CreateAsync(Requests.Notification("p", id: "with space/and slash"));

        var response = await _client.GetAsync(created.Headers.Location);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("id").GetString().Should().Be("with space/and slash");
    }

    [Test]
    public async Task List_WritesODataTypeOnEveryItem()
    {
        await _client.CreateAsync(Requests.Notification("one"));
        await _client.CreateAsync(Requests.Notification("two"));

        var body = await (await _client.GetAsync(Requests.SetPath)).ReadJsonAsync();

        body.GetProperty("@odata.context").GetString().Should().Be("http://localhost/v1.0/$metadata#participantLeftNotifications");
        var items = body.GetProperty("value").EnumerateArray().ToList();
        items.Should().HaveCount(2);
        items.Should().OnlyContain(item => item.GetProperty("@odata.type").GetString() == "#microsoft.graph.participantLeftNotification");
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex LowerCaseGuid();
}
