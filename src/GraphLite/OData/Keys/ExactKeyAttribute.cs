using Microsoft.AspNetCore.Mvc.Filters;

namespace GraphLite.OData.Keys;

/// <summary>
/// Replaces an action's <c>key</c> argument with the <see cref="RequestedKey"/> that
/// <see cref="EntityKeyPathMiddleware"/> read from the raw request target, so that every key reaches the action
/// exactly as the client sent it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ExactKeyAttribute : ActionFilterAttribute
{
    public const string KeyArgument = "key";

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        if (context.ActionArguments.ContainsKey(KeyArgument) && context.HttpContext.Features.Get<RequestedKey>() is { } requested)
        {
            context.ActionArguments[KeyArgument] = requested.Key;
        }
    }
}
