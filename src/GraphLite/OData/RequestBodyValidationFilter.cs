using GraphLite.Errors;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OData;

namespace GraphLite.OData;

/// <summary>
/// Turns a request body that failed to bind into a Graph error before the action runs.
/// </summary>
/// <remarks>
/// ODataController is not an [ApiController]: a body that the OData reader rejects reaches the action as null,
/// with the reader's message hidden in ModelState. This filter sends that message to the client instead.
/// </remarks>
public sealed partial class RequestBodyValidationFilter(ILogger<RequestBodyValidationFilter> logger) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var error = FindBodyError(context);
        if (error is not null)
        {
            LogRejected(logger, context.HttpContext.Request.Method, context.HttpContext.Request.Path, error.Message);
            context.Result = new GraphErrorResult(error);
            return;
        }

        await next();
    }

    private static GraphError? FindBodyError(ActionExecutingContext context)
    {
        var request = context.HttpContext.Request;
        var bodyParameters = context.ActionDescriptor.Parameters
            .Where(parameter => parameter.BindingInfo?.BindingSource == BindingSource.Body)
            .ToList();
        if (bodyParameters.Count == 0)
        {
            return null;
        }

        if (HasBody(request) && !IsJson(request.ContentType))
        {
            return GraphError.UnsupportedMediaType(request.ContentType);
        }

        foreach (var entry in context.ModelState.Values.Where(entry => entry.ValidationState == ModelValidationState.Invalid))
        {
            foreach (var modelError in entry.Errors)
            {
                if (modelError.Exception is UnsupportedContentTypeException)
                {
                    return GraphError.UnsupportedMediaType(request.ContentType);
                }

                if (request.ContentLength == 0)
                {
                    return EmptyPayload();
                }

                return GraphError.BodyRead(ReaderMessage(modelError));
            }
        }

        var missing = bodyParameters.FirstOrDefault(parameter => !context.ActionArguments.TryGetValue(parameter.Name, out var value) || value is null);
        return missing is null ? null : EmptyPayload();
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    /// <summary>Accepts <c>application/json</c> with any parameters, as OData's JSON format allows.</summary>
    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static GraphError EmptyPayload() => GraphError.BadRequest("Empty Payload. JSON content expected.");

    /// <summary>
    /// Returns the OData reader's message, which names the property, type or position. Messages of other
    /// exceptions can carry CLR details, so they are replaced by a general one.
    /// </summary>
    private static string ReaderMessage(ModelError modelError)
    {
        for (var exception = modelError.Exception; exception is not null; exception = exception.InnerException)
        {
            if (exception is ODataException)
            {
                return exception.Message;
            }
        }

        return string.IsNullOrEmpty(modelError.ErrorMessage) || modelError.Exception is not null
            ? "The request body is not a valid JSON payload for this resource."
            : modelError.ErrorMessage;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Rejected the body of {Method} {Path}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string method, PathString path, string reason);
}
