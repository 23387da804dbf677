using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Mvc.Filters;

namespace GraphLite.Limits;

/// <summary>
/// Rethrows a body read that failed with <see cref="BadHttpRequestException"/> (body over the size limit, body
/// arriving too slowly) so that it leaves with its own status, 413 or 408.
/// </summary>
/// <remarks>
/// MVC's body model binder records every exception of an input formatter in ModelState, where it would pass
/// for an unreadable JSON body (400). This filter runs before the body validation filter and rethrows it for
/// the error middleware.
/// </remarks>
public sealed class RequestBodyFailureFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var failure = context.ModelState.Values
            .SelectMany(entry => entry.Errors)
            .Select(error => FindBadRequest(error.Exception))
            .FirstOrDefault(exception => exception is not null);
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    private static BadHttpRequestException? FindBadRequest(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is BadHttpRequestException badRequest)
            {
                return badRequest;
            }
        }

        return null;
    }
}
