using System.Net;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.Formatting;

/// <summary>
/// Proves that plain creates take the fast input formatter: without AspNetCore.OData's input formatter they still
/// succeed, and AspNetCore.OData still writes the response.
/// </summary>
public sealed class FastFormatterUseTests
{
    private const string Key = "8d2f4a8e-0b1c-4f7e-a1d2-93e4c5b6a7f8";

    [Test]
    public async Task Create_ReadsWithoutODataInputFormatter()
    {
        using var factory = new GraphLiteFactory(builder => builder.ConfigureServices(services => services.PostConfigure<MvcOptions>(RemoveODataInputFormatter)));
        using var client = factory.CreateGraphClient();

        using var response = await client.CreateAsync(Requests.Notification("p-1", Key));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Header("Content-Type").Should().Be(GraphAssertions.ODataJsonContentType);
        var body = await response.ReadJsonAsync();
        body.GetProperty("@odata.context").GetString().Should().Be("http://localhost/v1.0/$metadata#participantLeftNotifications/$entity");
        body.GetProperty("id").GetString().Should().Be(Key);
        body.GetProperty("participantId").GetString().Should().Be("p-1");
    }

    [Test]
    public async Task Create_LeavesOtherBodiesToODataInputFormatter()
    {
        using var factory = new GraphLiteFactory(builder => builder.ConfigureServices(services => services.PostConfigure<MvcOptions>(RemoveODataInputFormatter)));
        using var client = factory.CreateGraphClient();

        using var response = await client.CreateAsync($$"""{"id":"{{Key}}","participantId":42}""");

        // With no formatter left to read it, MVC rejects the body instead of creating anything.
        response.StatusCode.Should().NotBe(HttpStatusCode.Created);
        using var read = await client.GetAsync($"{Requests.SetPath}/{Key}");
        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static void RemoveODataInputFormatter(MvcOptions options) => options.InputFormatters.RemoveType<ODataInputFormatter>();
}
