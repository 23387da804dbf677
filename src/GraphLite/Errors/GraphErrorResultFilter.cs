using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.OData;

namespace GraphLite.Errors;

/// <summary>
/// Rewrites error results produced by MVC or AspNetCore.OData (ODataError, SerializableError, ProblemDetails,
/// plain strings) into Graph errors.
/// </summary>
/// <remarks>
/// AspNetCore.OData puts the exception type and stack trace of a failed query option into
/// <c>innererror</c>, in Production too. Only the message survives here.
/// </remarks>
public sealed class GraphErrorResultFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult { StatusCode: >= 400 } result)
        {
            var status = result.StatusCode.Value;
            context.Result = new GraphErrorResult(new GraphError(status, GraphErrorCodes.ForStatus(status), MessageOf(result.Value, status)));
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    private static string MessageOf(object? value, int status) => value switch
    {
        ODataError { Message.Length: > 0 } error => error.Message,
        SerializableError errors => MessageOf(errors.CreateODataError(), status),
        ValidationProblemDetails problem => problem.Errors.Values.SelectMany(messages => messages).FirstOrDefault() ?? problem.Title ?? Fallback(status),
        ProblemDetails { Detail.Length: > 0 } problem => problem.Detail,
        ProblemDetails { Title.Length: > 0 } problem => problem.Title,
        string { Length: > 0 } message => message,
        _ => Fallback(status),
    };

    private static string Fallback(int status) => $"The request failed with status {status}.";
}
