using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace GraphLite.Limits;

/// <summary>Registers the request limits and Kestrel's matching limits and timeouts.</summary>
public static class LimitsExtensions
{
    public static IServiceCollection AddGraphLimits(this IServiceCollection services)
    {
        services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RequestLimitsOptions>, RequestLimitsOptionsValidator>();
        services.Configure<MvcOptions>(options => options.Filters.Insert(0, new RequestBodyFailureFilter()));
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limitsOptions) =>
        {
            var limits = limitsOptions.Value;

            // Twice GraphLite's own limits, so that GraphLite, not Kestrel, rejects a request just over them.
            // NOTE: Kestrel rejects a request line or headers beyond these with a bare 414 or 431 and no Graph body.
            // It also closes a connection whose headers take longer than RequestHeadersTimeout. No middleware runs then.
            kestrel.Limits.MaxRequestLineSize = checked(limits.MaxUrlLength * 2);
            kestrel.Limits.MaxRequestHeadersTotalSize = checked(limits.MaxRequestHeadersTotalBytes * 2);
            kestrel.Limits.MaxRequestHeaderCount = checked(limits.MaxRequestHeaderCount * 2);
            kestrel.Limits.MaxRequestBodySize = checked(limits.MaxRequestBodyBytes * 2);
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.MinRequestBodyDataRate, TimeSpan.FromSeconds(limits.RequestBodyGracePeriodSeconds));
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(limits.RequestHeadersTimeoutSeconds);
        });
        return services;
    }

    public static IApplicationBuilder UseGraphLimits(this IApplicationBuilder app)
    {
        app.UseMiddleware<RequestLimitsMiddleware>();
        return app;
    }
}
