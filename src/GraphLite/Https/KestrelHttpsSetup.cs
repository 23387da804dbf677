using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace GraphLite.Https;

/// <summary>
/// Makes every HTTPS endpoint serve GraphLite's localhost certificate, whether it comes from the default
/// addresses, <c>--urls</c>, ASPNETCORE_URLS or <c>Kestrel:Endpoints</c>.
/// </summary>
/// <remarks>
/// A certificate configured in <c>Kestrel:Certificates:Default</c> replaces GraphLite's; a certificate configured on
/// an endpoint overrides it for that endpoint, as Kestrel applies endpoint certificates after the HTTPS defaults.
/// Kestrel keeps one <see cref="KestrelServerOptions.ConfigureHttpsDefaults"/> callback, so no other code may set one.
/// </remarks>
public sealed class KestrelHttpsSetup(IConfiguration configuration, LocalCertificateStore store) : IConfigureOptions<KestrelServerOptions>
{
    public const string DefaultCertificateSection = "Kestrel:Certificates:Default";

    public void Configure(KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (configuration.GetSection(DefaultCertificateSection).Exists())
        {
            return;
        }

        // Runs only when Kestrel binds an HTTPS address, so an HTTP-only server never creates a certificate.
        options.ConfigureHttpsDefaults(https => https.ServerCertificate = store.GetOrCreate().Server);
    }
}
