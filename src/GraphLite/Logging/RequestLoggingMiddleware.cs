using System.Diagnostics;
using GraphLite.Batch;
using GraphLite.Health;
using GraphLite.Http;

namespace GraphLite.Logging;

/// <summary>
/// Logs one line per request at Information: method, path, status, duration, request-id and client-request-id,
/// and for an item of a $batch its id and the batch's request-id. Requests to the health endpoints are logged at
/// Debug, so that probes do not fill the log.
/// </summary>
/// <remarks>
/// The path is logged in its escaped form and without the query string; bodies and headers, the token among
/// them, are never logged.
/// </remarks>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var ids = RequestIds.Of(context);
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var path = (context.Request.PathBase + context.Request.Path).ToUriComponent();
            if (HealthExtensions.IsHealthPath(context.Request.Path))
            {
                LogHealthRequest(logger, context.Request.Method, path, status, elapsed, ids.RequestId);
            }
            else if (context.Features.Get<BatchItemFeature>() is { } batchItem)
            {
                LogBatchItem(logger, context.Request.Method, path, status, elapsed, ids.RequestId, ids.ClientRequestId, batchItem.ItemId, batchItem.BatchRequestId);
            }
            else
            {
                LogRequest(logger, context.Request.Method, path, status, elapsed, ids.RequestId, ids.ClientRequestId);
            }
        }
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Information,
        Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms, request-id {RequestId}, client-request-id {ClientRequestId}")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds, string requestId, string clientRequestId);

    [LoggerMessage(EventId = 62, Level = LogLevel.Information,
        Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms, request-id {RequestId}, client-request-id {ClientRequestId}, $batch item {BatchItemId} of request {BatchRequestId}")]
    private static partial void LogBatchItem(
        ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds, string requestId, string clientRequestId, string batchItemId, string batchRequestId);

    [LoggerMessage(EventId = 61, Level = LogLevel.Debug,
        Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms, request-id {RequestId}")]
    private static partial void LogHealthRequest(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds, string requestId);
}
