using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OData.Routing.Controllers;

namespace GraphLite.Auth;

/// <summary>
/// The rule every request meets unless its endpoint allows anonymous access: a valid token that grants the
/// permission the URL and method need (<see cref="GraphPermissions"/>).
/// </summary>
public sealed class GraphPermissionRequirement : IAuthorizationRequirement;

/// <summary>
/// Decides <see cref="GraphPermissionRequirement"/>. <c>GET $metadata</c> and the service document are public, as in
/// Graph. An unauthenticated request fails (401); an authenticated one without the permission fails too, which
/// the authorization middleware turns into 403.
/// </summary>
public sealed class GraphPermissionHandler(GraphPermissions permissions) : AuthorizationHandler<GraphPermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GraphPermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);

        if (context.Resource is not HttpContext httpContext)
        {
            return Task.CompletedTask;
        }

        if (IsPublicMetadata(httpContext))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var required = permissions.RequiredFor(httpContext.Request);
        if (required is null || GraphPermissions.IsGranted(context.User, required))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether the request is a GET served by AspNetCore.OData's $metadata and service document controller.</summary>
    private static bool IsPublicMetadata(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>()?.ControllerTypeInfo == typeof(MetadataController);
}
