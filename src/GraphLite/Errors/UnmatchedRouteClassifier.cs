using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace GraphLite.Errors;

/// <summary>
/// Explains a request that matched no route the way Graph does: an unknown version or an unknown URL segment is
/// a 400 that names the segment, not a bare 404 or 405.
/// </summary>
public sealed class UnmatchedRouteClassifier(IEdmModel model, string routePrefix)
{
    private static readonly Uri s_serviceRoot = new("http://localhost/");

    /// <summary>Returns the error for a request that no route serves.</summary>
    public GraphError Classify(HttpRequest request) =>
        FindPathError(request)
        ?? GraphError.BadRequest($"The request URL '{request.Path}' is valid OData, but GraphLite does not serve it.");

    /// <summary>
    /// Returns the 400 for a path with an unknown version or segment, or null when the path names something in the
    /// model (then a failed match is about the method, not the URL).
    /// </summary>
    public GraphError? FindPathError(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var segments = request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments.Length == 0)
        {
            return GraphError.BadRequest($"The URL has no version segment. GraphLite serves Microsoft Graph's API under /{routePrefix}/.");
        }

        if (!segments[0].Equals(routePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return GraphError.BadRequest($"Invalid version: {Uri.UnescapeDataString(segments[0])}");
        }

        var relative = string.Join('/', segments.Skip(1));
        try
        {
            var parser = new ODataUriParser(model, s_serviceRoot, new Uri(relative, UriKind.Relative))
            {
                Resolver = new ODataUriResolver { EnableCaseInsensitive = true },
                UrlKeyDelimiter = ODataUrlKeyDelimiter.Slash,
            };
            parser.ParsePath();
        }
        catch (ODataException exception)
        {
            return GraphError.BadRequest(exception.Message);
        }

        return null;
    }
}
