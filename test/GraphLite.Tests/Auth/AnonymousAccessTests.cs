using System.Net;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.Auth;

public sealed class AnonymousAccessTests
{
    [Test]
    public async Task RouteSweep_FindsOnlyMetadataAnonymous()
    {
        using var factory = new GraphLiteFactory();
        using var client = factory.CreateGraphClient(accessToken: null);
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("v1.0", StringComparison.OrdinalIgnoreCase) == true
                || endpoint.RoutePattern.RawText?.StartsWith("/v1.0", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(endpoint => Methods(endpoint).Select(method => (Method: method, Url: SampleUrl(endpoint.RoutePattern))))
            .Distinct()
            .ToList();

        var answered = new List<string>();
        foreach (var (method, url) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri($"http://localhost/{url}"));
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = Requests.Json(Requests.Notification("sweep"));
            }

            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                answered.Add($"{method} /{url}");
            }
        }

        await TestContext.Out.WriteLineAsync($"Swept {routes.Count} routes: {string.Join(", ", routes.Select(route => $"{route.Method} /{route.Url}"))}");
        routes.Count.Should().BeGreaterThan(5, "the sweep must find the OData, $batch and metadata routes");
        routes.Should().Contain(("POST", "v1.0/$batch"));
        answered.Should().BeEquivalentTo("GET /v1.0/$metadata", "GET /v1.0");
    }

    [TestCase("$metadata")]
    [TestCase("")]
    public async Task MetadataAndServiceDocument_Return200_WithoutToken(string path)
    {
        using var factory = new GraphLiteFactory();
        using var client = factory.CreateGraphClient(accessToken: null);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("OData-Version").Should().Be("4.0");
    }

    [Test]
    public async Task Metadata_Returns200_WithInvalidToken()
    {
        using var factory = new GraphLiteFactory();
        using var client = factory.CreateGraphClient("not-a-jwt");

        var response = await client.GetAsync("$metadata");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("POST", "$metadata")]
    [TestCase("GET", "$batch")]
    [TestCase("GET", "participantLeftNotifications/$count")]
    [TestCase("DELETE", "participantLeftNotifications/x")]
    [TestCase("GET", "../other")]
    public async Task OtherRequests_Return401_WithoutToken(string method, string path)
    {
        using var factory = new GraphLiteFactory();
        using var client = factory.CreateGraphClient(accessToken: null);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
    }

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
            ? methods
            : ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Fills every route parameter with a sample value, e.g. <c>v1.0/participantLeftNotifications/sweep</c>.</summary>
    private static string SampleUrl(RoutePattern pattern) =>
        string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart => "sweep",
            _ => string.Empty,
        }))));
}
