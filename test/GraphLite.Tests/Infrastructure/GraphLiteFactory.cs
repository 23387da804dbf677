using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.Infrastructure;

/// <summary>
/// GraphLite in process, with a store of its own: create one per test so no test sees another's data.
/// </summary>
public sealed class GraphLiteFactory : WebApplicationFactory<Program>
{
    /// <summary>Changes GraphLite's services after its own registrations, for a test that replaces a part.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        if (ConfigureServices is not null)
        {
            builder.ConfigureServices(ConfigureServices);
        }
    }

    /// <summary>Creates a client whose relative URLs resolve under <c>/v1.0/</c>.</summary>
    public HttpClient CreateGraphClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://localhost/v1.0/"),
        AllowAutoRedirect = false,
    });
}
