using GraphLite.Errors;

namespace GraphLite.OData.Query;

/// <summary>
/// Rewrites the names of OData system query options to their canonical form, <c>$</c> and lower case, so that
/// <c>$filter</c>, <c>filter</c>, <c>$Filter</c> and <c>FILTER</c> all work, as OData 4.01 allows and Graph accepts.
/// </summary>
/// <remarks>
/// Only names change; values stay exactly as sent. An option given twice under any spelling is a 400, because
/// it is unclear which one the client meant. Other parameters pass through untouched.
/// </remarks>
public sealed class QueryOptionNamesMiddleware(RequestDelegate next)
{
    private static readonly HashSet<string> s_systemOptions = new(StringComparer.Ordinal)
    {
        "apply", "compute", "count", "deltatoken", "expand", "filter", "format", "index", "orderby", "schemaversion",
        "search", "select", "skip", "skiptoken", "top",
    };

    public async Task InvokeAsync(HttpContext context)
    {
        var queryString = context.Request.QueryString;
        if (!queryString.HasValue || queryString.Value!.Length <= 1)
        {
            await next(context);
            return;
        }

        var parameters = queryString.Value[1..].Split('&');
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changed = false;
        for (var index = 0; index < parameters.Length; index++)
        {
            var separator = parameters[index].IndexOf('=', StringComparison.Ordinal);
            var rawName = separator < 0 ? parameters[index] : parameters[index][..separator];
            if (Canonical(Decode(rawName)) is not { } canonical)
            {
                continue;
            }

            if (!seen.Add(canonical))
            {
                await GraphErrorWriter.WriteAsync(context, GraphError.BadRequest(
                    $"The query option '{canonical}' is given more than once. Send each query option once, with or without '$' and in any case."));
                return;
            }

            if (!string.Equals(rawName, canonical, StringComparison.Ordinal))
            {
                parameters[index] = canonical + (separator < 0 ? string.Empty : parameters[index][separator..]);
                changed = true;
            }
        }

        if (changed)
        {
            context.Request.QueryString = new QueryString("?" + string.Join('&', parameters));
        }

        await next(context);
    }

    /// <summary>Returns <c>$name</c> when <paramref name="name"/> names a system query option, otherwise null.</summary>
    public static string? Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        var bare = (name.StartsWith('$') ? name[1..] : name).ToLowerInvariant();
        return s_systemOptions.Contains(bare) ? "$" + bare : null;
    }

    private static string Decode(string rawName) => Uri.UnescapeDataString(rawName.Replace('+', ' '));
}
