using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GraphLite.Bench.Loader;

/// <summary>
/// Adds <see cref="BulkLoader"/> to GraphLite's services while its host is being built.
/// </summary>
/// <remarks>
/// <c>HostApplicationBuilder.Build</c>, which <c>WebApplicationBuilder.Build</c> calls, raises the "HostBuilding"
/// event on the "Microsoft.Extensions.Hosting" listener with an <see cref="IHostBuilder"/> whose service
/// callbacks still apply; <c>WebApplicationFactory</c> hooks into test hosts the same way.
/// </remarks>
internal sealed class HostBuildingObserver(long rows) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.Extensions.Hosting")
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "HostBuilding" && value.Value is IHostBuilder hostBuilder)
        {
            hostBuilder.ConfigureServices(services => services.AddHostedService(provider => ActivatorUtilities.CreateInstance<BulkLoader>(provider, rows)));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
