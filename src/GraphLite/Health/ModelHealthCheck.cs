using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OData.Edm;

namespace GraphLite.Health;

/// <summary>Ready when the EDM model is loaded and declares at least one entity set or singleton.</summary>
public sealed class ModelHealthCheck(IEdmModel model) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(model.EntityContainer?.Elements.OfType<IEdmNavigationSource>().Any() == true
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The model declares no entity set or singleton."));
}
