using GraphLite.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GraphLite.Https;

/// <summary>
/// Registers GraphLite's own HTTPS certificate for Kestrel and the Strict-Transport-Security header.
/// </summary>
public static class HttpsExtensions
{
    public static IServiceCollection AddGraphHttps(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(provider => DataFolder.FromConfiguration(provider.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalCertificateStore>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelHttpsSetup>();
        return services;
    }

    public static IApplicationBuilder UseStrictTransportSecurity(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        return app.UseMiddleware<StrictTransportSecurityMiddleware>();
    }
}
