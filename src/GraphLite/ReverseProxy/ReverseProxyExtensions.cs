using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace GraphLite.ReverseProxy;

/// <summary>
/// Applies X-Forwarded-* headers from the proxies listed in <c>GraphLite:ReverseProxy</c>, and only from them.
/// </summary>
public static class ReverseProxyExtensions
{
    public static IServiceCollection AddGraphReverseProxy(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReverseProxyOptions>, ReverseProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;

            // ASP.NET Core trusts loopback proxies by default, but GraphLite's clients connect from loopback too.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        return services;
    }

    public static IApplicationBuilder UseGraphReverseProxy(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // With both lists empty the forwarded-headers middleware would trust every sender, so it runs only when
        // at least one proxy is configured.
        var proxies = app.ApplicationServices.GetRequiredService<IOptions<ReverseProxyOptions>>().Value;
        return proxies.HasTrustedProxies ? app.UseForwardedHeaders() : app;
    }
}
