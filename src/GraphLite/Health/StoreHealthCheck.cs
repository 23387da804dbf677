using GraphLite.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphLite.Health;

/// <summary>Reports ready when the store's database accepts a connection.</summary>
public sealed class StoreHealthCheck(GraphLiteDbContext dbContext) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await dbContext.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The store does not accept connections.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store could not be reached.", exception);
        }
    }
}
