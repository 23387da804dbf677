using System.Net;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Hosting;

[NonParallelizable]
public sealed class KestrelLoopbackTests
{
    private GraphLiteProcess _server = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        _server = await GraphLiteProcess.StartAsync();
        _client = _server.CreateGraphClient();
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Create_OverKestrel_ReturnsGraphAnswer()
    {
        var response = await _client.CreateAsync(Requests.Notification("over-the-wire"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Header("Content-Type").Should().Be(GraphAssertions.ODataJsonContentType);
        response.Header("OData-Version").Should().Be("4.0");
        response.Header("request-id").Should().NotBeEmpty();
        response.Header("client-request-id").Should().Be(response.Header("request-id"));
        response.Headers.Date.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        response.Headers.Contains("Server").Should().BeFalse();

        var body = await response.ReadJsonAsync();
        var id = body.GetProperty("id").GetString();
        body.GetProperty("@odata.context").GetString().Should()
            .Be($"{_server.BaseAddress}v1.0/$metadata#participantLeftNotifications/$entity");
        response.Headers.Location.Should().Be(new Uri(_server.BaseAddress, $"v1.0/participantLeftNotifications/{id}"));

        var read = await _client.GetAsync(response.Headers.Location);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        (await read.ReadJsonAsync()).GetProperty("participantId").GetString().Should().Be("over-the-wire");
    }

    [Test]
    public async Task MalformedJson_OverKestrel_ReturnsGraphError()
    {
        var response = await _client.PostAsync(Requests.SetPath, Requests.Json("{\"participantId\":"));

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "RequestBodyRead");
    }
}
