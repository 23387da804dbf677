using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace GraphLite.Formatting;

/// <summary>
/// Recognizes the requests whose bodies the fast formatters handle: a create in an entity set or a read by key,
/// with no query options and no header that changes the response format.
/// </summary>
/// <remarks>
/// Query options (<c>$select</c>, <c>$format</c>, …), an Accept header other than JSON, <c>Accept-Charset</c> and
/// <c>Prefer</c> all change what AspNetCore.OData writes, so such requests keep its reader and writer.
/// </remarks>
internal static class PlainRequest
{
    /// <summary>Returns the entity set that the request creates in or reads from by key, or null.</summary>
    public static IEdmEntitySet? FindEntitySet(HttpContext context, out IEdmModel? model)
    {
        var feature = context.ODataFeature();
        model = feature.Model;
        var segments = feature.Path;
        if (model is null || segments is null)
        {
            return null;
        }

        var method = context.Request.Method;
        var isCreate = HttpMethods.IsPost(method) && segments.Count == 1;
        var isReadByKey = HttpMethods.IsGet(method) && segments.Count == 2 && segments[1] is KeySegment;
        if ((!isCreate && !isReadByKey) || segments[0] is not EntitySetSegment { EntitySet: var entitySet })
        {
            return null;
        }

        // An annotation on the set (optimistic concurrency, for one) can add ETags that the fast writer lacks.
        return model.FindVocabularyAnnotations(entitySet).Any() ? null : entitySet;
    }

    /// <summary>Returns true when no query option or header of the request selects a format other than minimal JSON.</summary>
    public static bool AcceptsMinimalJson(HttpRequest request)
    {
        var headers = request.Headers;
        if (request.QueryString.HasValue || headers.ContainsKey("Prefer") || headers.ContainsKey("Accept-Charset"))
        {
            return false;
        }

        var accept = headers.Accept;
        return accept.Count == 0
            || (accept.Count == 1 && accept[0] is { } value
                && (value.Equals("application/json", StringComparison.OrdinalIgnoreCase) || value.Equals("*/*", StringComparison.Ordinal)));
    }

    /// <summary>Returns true for <c>application/json</c>, alone or with <c>charset=utf-8</c>.</summary>
    public static bool IsUtf8Json(string? contentType) =>
        contentType is not null
        && (contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Equals("application/json; charset=utf-8", StringComparison.OrdinalIgnoreCase)
            || contentType.Equals("application/json;charset=utf-8", StringComparison.OrdinalIgnoreCase));
}
