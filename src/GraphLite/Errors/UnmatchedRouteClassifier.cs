using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace GraphLite.Errors;

/// <summary>
/// Explains a request that matched no route the way Graph does: an unknown version or an unknown URL segment is
/// a 400 that names the segment, not a bare 404.
/// </summary>
public sealed class UnmatchedRouteClassifier(IEdmModel model, string routePrefix)
{
    private static readonly Uri s_serviceRoot = new("http://localhost/");

    public GraphError Classify(HttpRequest request)
    {
        var segments = request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments.Length == 0 || !segments[0].Equals(routePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var version = segments.Length == 0 ? string.Empty : Uri.UnescapeDataString(segments[0]);
            return GraphError.BadRequest($"Invalid version: {version}");
        }

        var relative = string.Join('/', segments.Skip(1));
        try
        {
            new ODataUriParser(model, s_serviceRoot, new Uri(relative, UriKind.Relative)) { Resolver = new ODataUriResolver { EnableCaseInsensitive = true } }
                .ParsePath();
        }
        catch (ODataUnrecognizedPathException exception)
        {
            return GraphError.BadRequest(exception.Message);
        }
        catch (ODataException exception)
        {
            return GraphError.BadRequest(exception.Message);
        }

        return GraphError.BadRequest($"The request URL '{request.Path}' is valid OData, but GraphLite does not serve it.");
    }
}
