using System.Net;
using GraphLite.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GraphLite.Tests.ReverseProxy;

/// <summary>X-Forwarded-* headers change GraphLite's links only when they come from a configured proxy.</summary>
[NonParallelizable]
public sealed class ForwardedHeadersTests
{
    // The tests connect from 127.0.0.1, so they play the proxy whenever that address is trusted.
    private const string ForwardedRoot = "https://localhost:9443/graph/";

    [TestCase]
    [TestCase("--GraphLite:ReverseProxy:KnownProxies:0", "::1")]
    [TestCase("--GraphLite:ReverseProxy:KnownNetworks:0", "10.0.0.0/8")]
    public async Task ForwardedHeaders_Ignored_FromUnknownSender(params string[] configuration)
    {
        await using var server = await GraphLiteProcess.StartAsync(configuration);
        using var client = server.CreateClient(server.BaseAddress);

        var response = await client.SendAsync(ForwardedCreate());

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetString();
        response.Headers.Location.Should().Be(new Uri(server.BaseAddress, $"v1.0/participantLeftNotifications/{id}"));
    }

    [TestCase("--GraphLite:ReverseProxy:KnownProxies:0", "127.0.0.1")]
    [TestCase("--GraphLite:ReverseProxy:KnownNetworks:0", "127.0.0.0/8")]
    public async Task ForwardedHeaders_Applied_FromKnownProxy(params string[] configuration)
    {
        await using var server = await GraphLiteProcess.StartAsync(configuration);
        using var client = server.CreateClient(server.BaseAddress);

        var response = await client.SendAsync(ForwardedCreate());

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Header("Strict-Transport-Security").Should().Be("max-age=31536000", "the client called the proxy over https");
        var body = await response.ReadJsonAsync();
        var id = body.GetProperty("id").GetString();
        body.GetProperty("@odata.context").GetString().Should().Be($"{ForwardedRoot}v1.0/$metadata#participantLeftNotifications/$entity");
        response.Headers.Location.Should().Be(new Uri($"{ForwardedRoot}v1.0/participantLeftNotifications/{id}"));
    }

    [Test]
    public void Start_Fails_WhenProxyAddressInvalid()
    {
        using var baseFactory = new GraphLiteFactory();
        using var factory = baseFactory.WithWebHostBuilder(builder => builder
            .UseSetting("GraphLite:ReverseProxy:KnownProxies:0", "proxy.invalid")
            .UseSetting("GraphLite:ReverseProxy:KnownNetworks:0", "10.1.0.0"));

        var start = () => factory.Services;

        start.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().Equal(
                "GraphLite:ReverseProxy:KnownProxies:0 'proxy.invalid' is not an IP address; list the address a proxy connects from, e.g. 127.0.0.1 or ::1.",
                "GraphLite:ReverseProxy:KnownNetworks:0 '10.1.0.0' is not a network in CIDR notation, e.g. 10.1.0.0/16 or fd00::/8.");
    }

    private static HttpRequestMessage ForwardedCreate()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Requests.SetPath) { Content = Requests.Json(Requests.Notification("behind-a-proxy")) };
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "localhost:9443");
        request.Headers.Add("X-Forwarded-Prefix", "/graph");
        return request;
    }
}
