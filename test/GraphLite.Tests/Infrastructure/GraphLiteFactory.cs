using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GraphLite.Tests.Infrastructure;

/// <summary>
/// GraphLite in process, with a store of its own: create one per test so no test sees another's data.
/// </summary>
/// <param name="configure">Changes settings or services of this instance, e.g. with UseSetting or ConfigureTestServices.</param>
public sealed class GraphLiteFactory(Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        configure?.Invoke(builder);
    }

    /// <summary>Creates a client whose relative URLs resolve under <c>/v1.0/</c>.</summary>
    public HttpClient CreateGraphClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://localhost/v1.0/"),
        AllowAutoRedirect = false,
    });
}
