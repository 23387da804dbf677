using GraphLite.Errors;
using GraphLite.Http;
using GraphLite.OData;

namespace GraphLite.Batch;

/// <summary>
/// Serves JSON batching at <c>POST /v1.0/$batch</c>. Each item runs through the full pipeline, so it passes the
/// same authentication, permission and rate-limit checks as a single call. The batch itself needs a valid token,
/// and the rate limiter does not count it.
/// </summary>
public static partial class BatchExtensions
{
    public const string BatchPath = $"/{ODataExtensions.RoutePrefix}/$batch";

    public static IServiceCollection AddGraphBatch(this IServiceCollection services)
    {
        services.AddSingleton<BatchPipeline>();
        services.AddSingleton<SubRequestDispatcher>();
        services.AddSingleton<BatchExecutor>();
        return services;
    }

    /// <summary>Captures the pipeline for $batch items. Call it before any other middleware.</summary>
    public static IApplicationBuilder UseGraphBatching(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        var pipeline = app.ApplicationServices.GetRequiredService<BatchPipeline>();
        app.Use(next =>
        {
            pipeline.Capture(next);
            return next;
        });
        return app;
    }

    public static IEndpointRouteBuilder MapGraphBatch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(BatchPath, HandleBatchAsync).DisableRateLimiting();
        return endpoints;
    }

    private static async Task HandleBatchAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var (items, error) = await BatchRequestReader.ReadAsync(context.Request, cancellationToken);
        if (items is null)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BatchExtensions).FullName!);
            var requestId = RequestIds.Of(context).RequestId;
            LogRejectedBatch(logger, requestId, error!.Message);
            await GraphErrorWriter.WriteAsync(context, error);
            return;
        }

        var executor = context.RequestServices.GetRequiredService<BatchExecutor>();
        var responses = await executor.ExecuteAsync(context, items, cancellationToken);
        await BatchResponseWriter.WriteAsync(context, responses, cancellationToken);
    }

    [LoggerMessage(EventId = 70, Level = LogLevel.Debug, Message = "Rejected the $batch request {RequestId}: {Reason}")]
    private static partial void LogRejectedBatch(ILogger logger, string requestId, string reason);
}
