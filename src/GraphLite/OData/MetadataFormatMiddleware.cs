namespace GraphLite.OData;

/// <summary>
/// Serves <c>$metadata</c> as CSDL JSON when the client asks for JSON in the Accept header.
/// </summary>
/// <remarks>
/// AspNetCore.OData picks CSDL JSON only for <c>$format=application/json</c> and returns XML for
/// <c>Accept: application/json</c>. A client that accepts XML as well (a browser, for one) still gets XML.
/// </remarks>
public sealed class MetadataFormatMiddleware(RequestDelegate next)
{
    private static readonly PathString s_metadataPath = new($"/{ODataExtensions.RoutePrefix}/$metadata");

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Equals(s_metadataPath, StringComparison.OrdinalIgnoreCase)
            && !HasFormatOption(request)
            && request.GetTypedHeaders().Accept is { Count: > 0 } accept
            && accept.Any(type => type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            && !accept.Any(type => type.MediaType.Value?.EndsWith("/xml", StringComparison.OrdinalIgnoreCase) == true))
        {
            request.QueryString = request.QueryString.Add("$format", "application/json");
        }

        return next(context);
    }

    private static bool HasFormatOption(HttpRequest request) =>
        request.Query.Keys.Any(key => key.Equals("$format", StringComparison.OrdinalIgnoreCase) || key.Equals("format", StringComparison.OrdinalIgnoreCase));
}
