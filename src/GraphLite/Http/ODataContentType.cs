using Microsoft.Net.Http.Headers;

namespace GraphLite.Http;

/// <summary>
/// Rewrites AspNetCore.OData's JSON Content-Type into the exact form Graph sends:
/// <c>application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8</c>.
/// </summary>
/// <remarks>
/// AspNetCore.OData separates parameters with "; " and leaves out IEEE754Compatible. Some clients compare the
/// header as a string, so GraphLite writes Graph's spelling: no spaces, the parameters in Graph's order.
/// </remarks>
public static class ODataContentType
{
    public static string? Normalize(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || !parsed.Parameters.Any(parameter => parameter.Name.Equals("odata.metadata", StringComparison.OrdinalIgnoreCase)))
        {
            return contentType;
        }

        string Value(string name, string fallback) =>
            parsed.Parameters.FirstOrDefault(parameter => parameter.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.Value
            ?? fallback;

        return $"application/json;odata.metadata={Value("odata.metadata", "minimal")}"
            + $";odata.streaming={Value("odata.streaming", "true")}"
            + $";IEEE754Compatible={Value("IEEE754Compatible", "false")}"
            + $";charset={Value("charset", "utf-8")}";
    }
}
