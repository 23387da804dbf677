using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Query;

namespace GraphLite.OData.Query;

/// <summary>
/// AspNetCore.OData's query options for a single entity (<c>$select</c>, <c>$expand</c>, <c>$format</c>), skipped
/// when the request has no query string, since there is then nothing to apply or validate.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class EntityQueryAttribute : EnableQueryAttribute
{
    public EntityQueryAttribute()
    {
        AllowedQueryOptions = AllowedQueryOptions.Select | AllowedQueryOptions.Expand | AllowedQueryOptions.Format;
    }

    public override void OnActionExecuting(ActionExecutingContext actionExecutingContext)
    {
        ArgumentNullException.ThrowIfNull(actionExecutingContext);
        if (HasQuery(actionExecutingContext.HttpContext.Request))
        {
            base.OnActionExecuting(actionExecutingContext);
        }
    }

    public override void OnActionExecuted(ActionExecutedContext actionExecutedContext)
    {
        ArgumentNullException.ThrowIfNull(actionExecutedContext);
        if (HasQuery(actionExecutedContext.HttpContext.Request))
        {
            base.OnActionExecuted(actionExecutedContext);
        }
    }

    private static bool HasQuery(HttpRequest request) => request.QueryString.HasValue && request.QueryString.Value!.Length > 1;
}
