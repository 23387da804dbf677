using GraphLite.Http;

namespace GraphLite.Errors;

/// <summary>
/// The one place where failures become Graph errors: unhandled exceptions turn into a 500 without details, and
/// any 4xx or 5xx that left without a body (no route, wrong method, a bare status result) gets the envelope.
/// </summary>
public sealed partial class GraphErrorMiddleware(RequestDelegate next, UnmatchedRouteClassifier classifier, ILogger<GraphErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            var requestId = RequestIds.Of(context).RequestId;
            LogBadRequest(logger, requestId, exception.Message);
            await GraphErrorWriter.WriteAsync(context, new GraphError(exception.StatusCode, GraphErrorCodes.ForStatus(exception.StatusCode), exception.Message));
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client disconnected, so no response can reach it.
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            var requestId = RequestIds.Of(context).RequestId;
            LogUnhandled(logger, exception, requestId, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await GraphErrorWriter.WriteAsync(context, GraphError.Internal());
            return;
        }

        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null
            && context.Response.ContentType is null)
        {
            var error = ErrorForEmptyResponse(context);
            if (error.StatusCode != StatusCodes.Status405MethodNotAllowed)
            {
                // Routing sets Allow for its 405; it does not belong on the 400 of an unknown URL.
                context.Response.Headers.Allow = default;
            }

            await GraphErrorWriter.WriteAsync(context, error);
        }
    }

    private GraphError ErrorForEmptyResponse(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (status == StatusCodes.Status404NotFound && context.GetEndpoint() is null)
        {
            return classifier.Classify(context.Request);
        }

        return status switch
        {
            StatusCodes.Status405MethodNotAllowed => classifier.FindPathError(context.Request) ?? GraphError.MethodNotAllowed(),
            StatusCodes.Status415UnsupportedMediaType => GraphError.UnsupportedMediaType(context.Request.ContentType),
            _ => new GraphError(status, GraphErrorCodes.ForStatus(status), ReasonPhrase(status)),
        };
    }

    private static string ReasonPhrase(int status)
    {
        var phrase = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        return string.IsNullOrEmpty(phrase) ? $"The request failed with status {status}." : $"{phrase}.";
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rejected a malformed request {RequestId}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string requestId, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Unhandled exception in request {RequestId} {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestId, string method, PathString path);
}
