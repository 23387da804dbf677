using Microsoft.OData.Edm;

namespace GraphLite.OData.Keys;

/// <summary>
/// Reads the key of a request to one entity from the raw request target (see <see cref="RawKeyPath"/>), records it
/// as a <see cref="RequestedKey"/>, and makes a key that contains a single quote routable as a path segment, e.g.
/// <c>/v1.0/participantLeftNotifications/O%27Brien</c>.
/// </summary>
/// <remarks>
/// AspNetCore.OData parses a key segment as an OData string literal after wrapping it in quotes, without doubling
/// the quotes inside, so such a key matches no route. This middleware writes the segment as the quoted literal
/// (<c>'O''Brien'</c>), which AspNetCore.OData parses back to the key. Other paths are left as they are.
/// </remarks>
public sealed class EntityKeyPathMiddleware(RequestDelegate next, IEdmModel model)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (RawKeyPath.TryRead(context, model, out var key, out var inParentheses))
        {
            context.Features.Set(new RequestedKey(key!));
            if (!inParentheses && key!.Contains('\'', StringComparison.Ordinal))
            {
                QuoteKeySegment(context.Request, key);
            }
        }

        return next(context);
    }

    private static void QuoteKeySegment(HttpRequest request, string key)
    {
        var segments = request.Path.Value!.Split('/');
        var keyIndex = Array.FindIndex(segments, segment => segment.Equals(ODataExtensions.RoutePrefix, StringComparison.OrdinalIgnoreCase)) + 2;
        if (keyIndex >= 2 && keyIndex < segments.Length)
        {
            // The path is decoded except for %2F, which keeps a slash in the key from splitting the segment.
            segments[keyIndex] = RawKeyPath.Quote(key).Replace("/", "%2F", StringComparison.Ordinal);
            request.Path = new PathString(string.Join('/', segments));
        }
    }
}

/// <summary>The key of the entity a request addresses, exactly as the client sent it.</summary>
public sealed record RequestedKey(string Key);
