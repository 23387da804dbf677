using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GraphLite.Tests.Infrastructure;

/// <summary>
/// GraphLite in process, with a store and a data folder of its own: create one per test so no test sees
/// another's data. Authentication is on, as in production; <see cref="CreateGraphClient()"/> sends a token with
/// every permission.
/// </summary>
/// <param name="configure">Changes settings or services of this instance, e.g. with UseSetting or ConfigureTestServices.</param>
public sealed class GraphLiteFactory(Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    /// <summary>The temporary data folder, with the signing key; it is deleted with the factory.</summary>
    public string DataFolderPath { get; } = TestDataFolders.CreateWithKey();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting(GraphLite.Hosting.DataFolder.ConfigurationKey, DataFolderPath);
        configure?.Invoke(builder);
    }

    /// <summary>Creates a client whose relative URLs resolve under <c>/v1.0/</c>, with a full-permission token.</summary>
    public HttpClient CreateGraphClient() => GraphClients.CreateGraphClient(this);

    /// <summary>Creates a client that sends <paramref name="accessToken"/>, or no Authorization header for null.</summary>
    public HttpClient CreateGraphClient(string? accessToken) => GraphClients.CreateGraphClient(this, accessToken);

    /// <summary>Creates an app token that carries exactly <paramref name="permissions"/>.</summary>
    public string CreateAccessToken(params string[] permissions) => GraphClients.CreateAccessToken(this, permissions);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestDataFolders.Delete(DataFolderPath);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TestDataFolders.Delete(DataFolderPath);
    }
}
