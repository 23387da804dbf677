using GraphLite.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace GraphLite.OData.Query;

/// <summary>
/// Rejects a request whose URL is longer than <see cref="QueryLimitsOptions.MaxUrlLength"/> with a 414 Graph error.
/// </summary>
/// <remarks>
/// The length is that of the request target as sent (path and query, percent-encoded) without its
/// <c>$skiptoken</c> parameter. Kestrel rejects a request line over its own limit (8 KiB by default) before
/// any middleware runs, with a 414 that has no body.
/// </remarks>
public sealed class UrlLengthLimitMiddleware(RequestDelegate next, IOptions<QueryLimitsOptions> limits)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            target = $"{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}{request.QueryString.ToUriComponent()}";
        }

        var length = LengthWithoutSkipToken(target);
        var max = limits.Value.MaxUrlLength;
        if (length > max)
        {
            return GraphErrorWriter.WriteAsync(context, new GraphError(
                StatusCodes.Status414UriTooLong,
                GraphErrorCodes.ForStatus(StatusCodes.Status414UriTooLong),
                $"The request URL is {length} characters long; the maximum is {max}. Shorten the query, e.g. split a long $filter into several requests."));
        }

        return next(context);
    }

    private static int LengthWithoutSkipToken(string target)
    {
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return target.Length;
        }

        var length = target.Length;
        foreach (var parameter in target[(queryStart + 1)..].Split('&'))
        {
            var name = parameter.Split('=', 2)[0];
            if (QueryOptionNamesMiddleware.Canonical(Uri.UnescapeDataString(name)) == "$skiptoken")
            {
                length -= parameter.Length;
            }
        }

        return length;
    }
}
