using GraphLite.Batch;
using GraphLite.Errors;
using GraphLite.OData.Query;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace GraphLite.Limits;

/// <summary>
/// Rejects a request over a URL, header or body size limit with a Graph error before it is processed. A body with
/// Content-Length over the limit is rejected before any of it is read. A chunked body fails as soon as the
/// bytes read pass the limit.
/// </summary>
/// <remarks>
/// The items of a $batch skip the URL and header checks: they arrived inside the batch body, which is within
/// the body limit, and Graph documents $batch as the way to send URLs too long for a request line.
/// </remarks>
public sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value;
        var error = context.Features.Get<BatchItemFeature>() is null
            ? CheckUrl(context, limits) ?? CheckHeaders(context.Request, limits) ?? CheckContentLength(context.Request, limits)
            : CheckContentLength(context.Request, limits);
        if (error is not null)
        {
            // With the limit below Content-Length, Kestrel closes the connection instead of reading the unread body.
            if (context.Request.ContentLength > limits.MaxRequestBodyBytes
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            {
                sizeFeature.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            }

            return GraphErrorWriter.WriteAsync(context, error);
        }

        if (context.Request.ContentLength is null)
        {
            context.Request.Body = new LimitedRequestBodyStream(context.Request.Body, limits.MaxRequestBodyBytes);
        }

        return next(context);
    }

    private static GraphError? CheckUrl(HttpContext context, RequestLimitsOptions limits)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var length = string.IsNullOrEmpty(target)
            ? context.Request.PathBase.ToUriComponent().Length + context.Request.Path.ToUriComponent().Length + (context.Request.QueryString.Value?.Length ?? 0)
            : target.Length;
        length -= SkipTokenLength(context.Request.QueryString.Value);
        return length > limits.MaxUrlLength
            ? new GraphError(StatusCodes.Status414UriTooLong, GraphErrorCodes.RequestUriTooLong, LimitMessages.UrlTooLong(length, limits.MaxUrlLength))
            : null;
    }

    /// <summary>
    /// Returns the length of the <c>$skiptoken</c> parameter, in any spelling, which the URL limit does not count, so
    /// that the <c>@odata.nextLink</c> of an accepted request is accepted too.
    /// </summary>
    private static int SkipTokenLength(string? query) =>
        (query ?? string.Empty).TrimStart('?').Split('&')
            .Where(parameter => QueryOptionNamesMiddleware.Canonical(Uri.UnescapeDataString(parameter.Split('=', 2)[0])) == "$skiptoken")
            .Sum(parameter => parameter.Length);

    private static GraphError? CheckHeaders(HttpRequest request, RequestLimitsOptions limits)
    {
        if (request.Headers.Count > limits.MaxRequestHeaderCount)
        {
            return new GraphError(
                StatusCodes.Status431RequestHeaderFieldsTooLarge,
                GraphErrorCodes.RequestHeaderFieldsTooLarge,
                LimitMessages.TooManyHeaders(request.Headers.Count, limits.MaxRequestHeaderCount));
        }

        // Each header line on the wire is "name: value" plus CRLF.
        var size = request.Headers.Sum(header => header.Value.Sum(value => header.Key.Length + (value?.Length ?? 0) + 4));
        return size > limits.MaxRequestHeadersTotalBytes
            ? new GraphError(
                StatusCodes.Status431RequestHeaderFieldsTooLarge,
                GraphErrorCodes.RequestHeaderFieldsTooLarge,
                LimitMessages.HeadersTooLarge(size, limits.MaxRequestHeadersTotalBytes))
            : null;
    }

    private static GraphError? CheckContentLength(HttpRequest request, RequestLimitsOptions limits) =>
        request.ContentLength > limits.MaxRequestBodyBytes
            ? new GraphError(
                StatusCodes.Status413PayloadTooLarge,
                GraphErrorCodes.RequestEntityTooLarge,
                LimitMessages.BodyTooLarge(request.ContentLength.Value, limits.MaxRequestBodyBytes))
            : null;
}
