using Microsoft.OData.Edm;

namespace GraphLite.OData.Keys;

/// <summary>
/// Lets a key that holds a single quote work as a path segment, e.g. <c>/v1.0/participantLeftNotifications/O%27Brien</c>.
/// </summary>
/// <remarks>
/// AspNetCore.OData parses a key segment as an OData string literal after wrapping it in quotes, without doubling
/// the quotes inside, so such a key matches no route. This middleware writes the segment as the quoted literal
/// (<c>'O''Brien'</c>), which AspNetCore.OData parses back to the key. Other paths are left as they are.
/// </remarks>
public sealed class QuotedKeyPathMiddleware(RequestDelegate next, IEdmModel model)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (RawKeyPath.TryRead(context, model, out var key, out var inParentheses) && !inParentheses && key!.Contains('\'', StringComparison.Ordinal))
        {
            var segments = context.Request.Path.Value!.Split('/');
            var keyIndex = Array.FindIndex(segments, segment => segment.Equals(ODataExtensions.RoutePrefix, StringComparison.OrdinalIgnoreCase)) + 2;
            if (keyIndex >= 2 && keyIndex < segments.Length)
            {
                // The path is decoded except for %2F, which keeps a slash in the key from splitting the segment.
                segments[keyIndex] = RawKeyPath.Quote(key).Replace("/", "%2F", StringComparison.Ordinal);
                context.Request.Path = new PathString(string.Join('/', segments));
            }
        }

        return next(context);
    }
}
