using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.OData.Edm;

namespace GraphLite.OData.Keys;

/// <summary>
/// Replaces an action's <c>key</c> argument with the key read from the raw request target by
/// <see cref="RawKeyPath"/>, so that every key reaches the action exactly as the client sent it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ExactKeyAttribute : ActionFilterAttribute
{
    public const string KeyArgument = "key";

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var model = context.HttpContext.RequestServices.GetRequiredService<IEdmModel>();
        if (context.ActionArguments.ContainsKey(KeyArgument) && RawKeyPath.TryRead(context.HttpContext, model, out var key, out _))
        {
            context.ActionArguments[KeyArgument] = key;
        }
    }
}
