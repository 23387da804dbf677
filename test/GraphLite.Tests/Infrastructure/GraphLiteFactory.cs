using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace GraphLite.Tests.Infrastructure;

/// <summary>
/// GraphLite in process, with a store of its own: create one per test so no test sees another's data.
/// </summary>
/// <param name="settings">Configuration that overrides appsettings and the environment, e.g. a store from <see cref="TestStore.Settings"/>.</param>
public sealed class GraphLiteFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        if (settings is not null)
        {
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        }
    }

    /// <summary>Creates a client whose relative URLs resolve under <c>/v1.0/</c>.</summary>
    public HttpClient CreateGraphClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://localhost/v1.0/"),
        AllowAutoRedirect = false,
    });
}
