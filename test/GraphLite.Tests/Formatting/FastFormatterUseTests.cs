using System.Net;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.Formatting;

/// <summary>
/// Proves that plain creates and reads by key take the fast formatters: without AspNetCore.OData's formatters
/// they still succeed.
/// </summary>
public sealed class FastFormatterUseTests
{
    private const string Key = "8d2f4a8e-0b1c-4f7e-a1d2-93e4c5b6a7f8";

    [Test]
    public async Task Create_ReadsAndWritesWithoutODataFormatters()
    {
        using var factory = new GraphLiteFactory(builder => builder.ConfigureServices(services => services.PostConfigure<MvcOptions>(RemoveODataFormatters)));
        using var client = factory.CreateGraphClient();

        using var response = await client.CreateAsync(Requests.Notification("p-1", Key));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Header("Content-Type").Should().Be(GraphAssertions.ODataJsonContentType);
        var body = await response.ReadJsonAsync();
        body.GetProperty("id").GetString().Should().Be(Key);
        body.GetProperty("participantId").GetString().Should().Be("p-1");
    }

    [Test]
    public async Task GetByKey_WritesWithoutODataFormatters()
    {
        using var factory = new GraphLiteFactory(builder => builder.ConfigureServices(services => services.PostConfigure<MvcOptions>(RemoveODataFormatters)));
        using var client = factory.CreateGraphClient();
        (await client.CreateAsync(Requests.Notification("p-1", Key))).EnsureSuccessStatusCode();

        using var response = await client.GetAsync($"{Requests.SetPath}/{Key}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().Be(GraphAssertions.ODataJsonContentType);
        response.Header("OData-Version").Should().Be("4.0");
        var body = await response.ReadJsonAsync();
        body.EnumerateObject().Select(property => property.Name).Should().Equal("@odata.context", "@odata.type", "id", "participantId");
        body.GetProperty("@odata.context").GetString().Should().Be("http://localhost/v1.0/$metadata#participantLeftNotifications/$entity");
    }

    [Test]
    public async Task GetByKey_LeavesSelectToODataFormatters()
    {
        using var factory = new GraphLiteFactory(builder => builder.ConfigureServices(services => services.PostConfigure<MvcOptions>(RemoveODataFormatters)));
        using var client = factory.CreateGraphClient();
        (await client.CreateAsync(Requests.Notification("p-1", Key))).EnsureSuccessStatusCode();

        using var response = await client.GetAsync($"{Requests.SetPath}/{Key}?$select=participantId");

        // MVC's plain JSON formatter writes it instead, without OData's control information.
        var body = await response.ReadJsonAsync();
        body.TryGetProperty("@odata.context", out _).Should().BeFalse("a request with query options is left to AspNetCore.OData's writer");
    }

    private static void RemoveODataFormatters(MvcOptions options)
    {
        options.InputFormatters.RemoveType<ODataInputFormatter>();
        options.OutputFormatters.RemoveType<ODataOutputFormatter>();
    }
}
