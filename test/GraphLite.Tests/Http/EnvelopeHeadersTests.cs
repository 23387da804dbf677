using System.Net;
using System.Text.Json;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Http;

public sealed class EnvelopeHeadersTests
{
    [TestCase("participantLeftNotifications", HttpStatusCode.OK, true)]
    [TestCase("participantLeftNotifications/missing", HttpStatusCode.NotFound, true)]
    [TestCase("noSuchSet", HttpStatusCode.BadRequest, true)]
    [TestCase("participantLeftNotifications", HttpStatusCode.Unauthorized, false)]
    [TestCase("/health/ready", HttpStatusCode.OK, false)]
    public async Task Response_CarriesGraphHeaders(string path, HttpStatusCode status, bool withToken)
    {
        using var factory = new GraphLiteFactory();
        using var client = withToken ? factory.CreateGraphClient() : factory.CreateGraphClient(accessToken: null);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(status);
        ShouldCarryGraphHeaders(response);
        response.Header("client-request-id").Should().Be(response.Header("request-id"));
    }

    [Test]
    public async Task Response_EchoesClientRequestId_OnErrors()
    {
        using var factory = new GraphLiteFactory();
        using var client = factory.CreateGraphClient(accessToken: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, Requests.SetPath);
        request.Headers.Add("client-request-id", "trace-401");

        var response = await client.SendAsync(request);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        response.Header("client-request-id").Should().Be("trace-401");
        error.GetProperty("innerError").GetProperty("client-request-id").GetString().Should().Be("trace-401");
    }

    [TestCase("participantLeftNotifications")]
    [TestCase("$metadata")]
    [TestCase("")]
    public async Task ODataResponse_CarriesODataVersion(string path)
    {
        using var factory = new GraphLiteFactory();
        using var client = factory.CreateGraphClient();

        var response = await client.GetAsync(path);

        response.Header("OData-Version").Should().Be("4.0");
    }

    [Test]
    public async Task Response_CarriesGraphHeaders_OverKestrel()
    {
        await using var server = await GraphLiteProcess.StartAsync();
        using var client = server.CreateGraphClient(accessToken: null);

        var rejected = await client.GetAsync(Requests.SetPath);
        var metadata = await client.GetAsync("$metadata");

        ShouldCarryGraphHeaders(rejected);
        ShouldCarryGraphHeaders(metadata);
        rejected.Header("WWW-Authenticate").Should().StartWith("Bearer realm=\"\"");
    }

    private static void ShouldCarryGraphHeaders(HttpResponseMessage response)
    {
        Guid.TryParse(response.Header("request-id"), out _).Should().BeTrue();
        response.Header("client-request-id").Should().NotBeEmpty();
        response.Headers.Date.Should().NotBeNull();

        using var diagnostic = JsonDocument.Parse(response.Header("x-ms-ags-diagnostic"));
        var serverInfo = diagnostic.RootElement.GetProperty("ServerInfo");
        serverInfo.EnumerateObject().Select(property => property.Name).Should().Equal("DataCenter", "Slice", "Ring", "ScaleUnit", "RoleInstance");
        serverInfo.GetProperty("DataCenter").GetString().Should().Be("GraphLite");
        serverInfo.GetProperty("RoleInstance").GetString().Should().Be(Environment.MachineName);
        response.Header("x-ms-ags-diagnostic").Should().NotContain(" ", "Graph writes the diagnostic as compact JSON");
    }
}
