using Microsoft.AspNetCore.Http.Features;
using Microsoft.OData.Edm;

namespace GraphLite.OData.Keys;

/// <summary>
/// Reads the key of an entity URL from the request target exactly as the client sent it, in either form:
/// <c>/v1.0/{set}/{key}</c> with the key percent-encoded, or <c>/v1.0/{set}('{key}')</c> with quotes doubled.
/// </summary>
/// <remarks>
/// The decoded path loses information: servers keep <c>%2F</c> encoded but decode <c>%25</c>, and routing then
/// turns <c>%2F</c> into <c>/</c>, so a key that contains the text <c>%2F</c> would come out with a slash instead.
/// Decoding the raw target once, segment by segment, gives back the exact key.
/// </remarks>
public static class RawKeyPath
{
    /// <summary>
    /// Reads the key of a request to one entity of an entity set of <paramref name="model"/>, or of a URL under
    /// it, such as a property. <paramref name="inParentheses"/> is true for the <c>('{key}')</c> form.
    /// </summary>
    public static bool TryRead(HttpContext context, IEdmModel model, out string? key, out bool inParentheses)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(model);

        key = null;
        inParentheses = false;
        var segments = DecodedSegments(context);
        var setIndex = Array.FindIndex(segments, segment => segment.Equals(ODataExtensions.RoutePrefix, StringComparison.OrdinalIgnoreCase)) + 1;
        if (setIndex <= 0 || setIndex >= segments.Length)
        {
            return false;
        }

        var setSegment = segments[setIndex];
        var parenthesis = setSegment.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis > 0 && setSegment.EndsWith(')') && IsEntitySet(model, setSegment[..parenthesis]))
        {
            key = Unquote(setSegment[(parenthesis + 1)..^1]);
            inParentheses = true;
            return key is not null;
        }

        if (!IsEntitySet(model, setSegment) || setIndex + 1 >= segments.Length || segments[setIndex + 1].StartsWith('$'))
        {
            return false;
        }

        key = segments[setIndex + 1];
        return true;
    }

    /// <summary>Writes a key as the quoted OData string literal that AspNetCore.OData's key segment parses back.</summary>
    public static string Quote(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"'{key.Replace("'", "''", StringComparison.Ordinal)}'";
    }

    private static bool IsEntitySet(IEdmModel model, string name) =>
        model.EntityContainer.EntitySets().Any(entitySet => entitySet.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static string? Unquote(string literal)
    {
        if (literal.Length < 2 || literal[0] != '\'' || literal[^1] != '\'')
        {
            return null;
        }

        return literal[1..^1].Replace("''", "'", StringComparison.Ordinal);
    }

    /// <summary>Returns the path segments decoded once, or as the server decoded them when there is no raw target.</summary>
    private static string[] DecodedSegments(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(target) && target.StartsWith('/'))
        {
            var queryStart = target.IndexOf('?', StringComparison.Ordinal);
            return (queryStart < 0 ? target : target[..queryStart]).Split('/').Select(Uri.UnescapeDataString).ToArray();
        }

        // NOTE: without a raw target (the in-process test server sets none) the decoded path is all there is.
        // Servers decode it except for %2F, so a key holding the text "%2F" comes out with a slash here.
        var path = context.Request.PathBase.Value + context.Request.Path.Value;
        return path.Split('/').Select(segment => segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase)).ToArray();
    }
}
