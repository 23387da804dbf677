using System.Net;
using GraphLite.Health;
using GraphLite.Storage.InMemory;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphLite.Tests.Health;

public sealed class HealthTests
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_Returns200Healthy_WithoutToken(string path)
    {
        using var factory = new GraphLiteFactory();
        using var client = factory.CreateGraphClient(accessToken: null);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().Be("text/plain");
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
        response.Header("request-id").Should().NotBeEmpty();
    }

    [Test]
    public async Task Ready_Returns503_WhenStoreIsUnreachable()
    {
        using var baseFactory = new GraphLiteFactory();
        using var factory = baseFactory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<HealthCheckServiceOptions>(options =>
            {
                var store = options.Registrations.Single(registration => registration.Name == "store");
                store.Factory = _ => new StoreHealthCheck(UnreachableStore());
            })));
        using var client = factory.CreateGraphClient(accessToken: null);

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.Header("Content-Type").Should().Be("text/plain");
        (await ready.Content.ReadAsStringAsync()).Should().Be("Unhealthy");
        live.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ModelCheck_IsHealthy_ForGraphModel()
    {
        var check = new ModelHealthCheck(GraphLite.Model.GraphModel.Instance);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(HealthStatus.Healthy);
    }

    [Test]
    public async Task ModelCheck_IsUnhealthy_ForEmptyModel()
    {
        var model = new Microsoft.OData.Edm.EdmModel();
        model.AddElement(new Microsoft.OData.Edm.EdmEntityContainer("microsoft.graph", "GraphService"));
        var check = new ModelHealthCheck(model);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(HealthStatus.Unhealthy);
    }

    /// <summary>A context whose every database call throws, as a store that is down does: it is disposed before use.</summary>
    private static InMemoryGraphLiteDbContext UnreachableStore()
    {
        var options = new DbContextOptionsBuilder<InMemoryGraphLiteDbContext>()
            .UseInMemoryDatabase("unreachable")
            .UseKeyIndex(new InMemoryKeyIndex())
            .Options;
        var context = new InMemoryGraphLiteDbContext(options);
        context.Dispose();
        return context;
    }
}
