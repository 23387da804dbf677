using GraphLite.OData.Query;

namespace GraphLite.OData.Paging;

/// <summary>
/// Builds <c>@odata.nextLink</c>: the absolute URL of the request, with its scheme and host, every query option
/// as sent except <c>$skip</c> and <c>$skiptoken</c>, and the <c>$skiptoken</c> of the next page.
/// </summary>
/// <remarks><c>$skip</c> is dropped because it applied to the first page only; the token continues after it.</remarks>
public static class NextLinks
{
    public static Uri Build(HttpRequest request, string skipToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(skipToken);

        var keptParameters = (request.QueryString.Value ?? string.Empty).TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(parameter => QueryOptionNamesMiddleware.Canonical(Uri.UnescapeDataString(parameter.Split('=', 2)[0])) is not ("$skip" or "$skiptoken"));
        var query = string.Join('&', keptParameters.Append($"$skiptoken={Uri.EscapeDataString(skipToken)}"));

        return new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}?{query}");
    }
}
