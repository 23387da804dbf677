using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace GraphLite.Formatting;

/// <summary>
/// Recognizes the requests whose bodies the fast input formatter reads: a create in an entity set.
/// </summary>
/// <remarks>
/// Only the body is read here. Query options and headers such as <c>Prefer</c> or <c>Accept</c> change what the
/// response looks like, and AspNetCore.OData's writer handles them for every request.
/// </remarks>
internal static class PlainRequest
{
    /// <summary>Returns the entity set that the request creates in, or null.</summary>
    public static IEdmEntitySet? FindEntitySet(HttpContext context, out IEdmModel? model)
    {
        var feature = context.ODataFeature();
        model = feature.Model;
        var segments = feature.Path;
        if (model is null || segments is null || !HttpMethods.IsPost(context.Request.Method) || segments.Count != 1)
        {
            return null;
        }

        return segments[0] is EntitySetSegment { EntitySet: var entitySet } ? entitySet : null;
    }

    /// <summary>Returns true for <c>application/json</c>, alone or with <c>charset=utf-8</c>.</summary>
    public static bool IsUtf8Json(string? contentType) =>
        contentType is not null
        && (contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Equals("application/json; charset=utf-8", StringComparison.OrdinalIgnoreCase)
            || contentType.Equals("application/json;charset=utf-8", StringComparison.OrdinalIgnoreCase));
}
