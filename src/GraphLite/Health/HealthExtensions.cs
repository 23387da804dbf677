using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace GraphLite.Health;

/// <summary>
/// <c>GET /health/live</c> (the process runs) and <c>GET /health/ready</c> (store reachable, model loaded):
/// plain-text <c>Healthy</c> with 200 or <c>Unhealthy</c> with 503, without a token and outside the rate limiter.
/// </summary>
public static class HealthExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private const string ReadyTag = "ready";

    public static IServiceCollection AddGraphHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [ReadyTag])
            .AddCheck<ModelHealthCheck>("model", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapGraphHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous()
            .DisableRateLimiting();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = registration => registration.Tags.Contains(ReadyTag) })
            .AllowAnonymous()
            .DisableRateLimiting();
        return endpoints;
    }

    /// <summary>Whether a path is one of the health endpoints, whose requests are logged at Debug only.</summary>
    public static bool IsHealthPath(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
