using GraphLite.Errors;
using GraphLite.Http;
using GraphLite.OData;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace GraphLite.Batch;

/// <summary>
/// Runs one $batch item through the whole GraphLite pipeline as if it had come over the wire: request ids,
/// limits, routing, authentication and permissions, the rate limiter, the controller and the error envelope.
/// </summary>
/// <remarks>
/// The item carries the batch's Authorization header (unless it sends its own), its Host and client address, and
/// its client-request-id. Each item runs in its own service scope, so items running in parallel share no
/// DbContext.
/// </remarks>
public sealed class SubRequestDispatcher(BatchPipeline pipeline, IServiceScopeFactory scopeFactory)
{
    public async Task<BatchResponseItem> SendAsync(HttpContext batch, BatchRequestItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(item);

        await using var scope = scopeFactory.CreateAsyncScope();
        using var response = new SubResponseFeature();
        var context = new DefaultHttpContext(CreateFeatures(batch, item, response, scope.ServiceProvider, cancellationToken));
        try
        {
            await pipeline.Pipeline(context);
            await response.CompleteAsync();
        }
        finally
        {
            await response.FireOnCompletedAsync();
        }

        return new BatchResponseItem(item.Id, response.StatusCode, BatchResponseHeaders.From(response.Headers), response.BodyBytes);
    }

    private static FeatureCollection CreateFeatures(
        HttpContext batch,
        BatchRequestItem item,
        SubResponseFeature response,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var url = item.Url.TrimStart('/');
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? url : url[..queryStart];
        var query = queryStart < 0 ? string.Empty : url[queryStart..];
        var body = item.Body is null ? Stream.Null : new MemoryStream(item.Body, writable: false);

        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Protocol = batch.Request.Protocol,
            Scheme = batch.Request.Scheme,
            Method = item.Method,
            PathBase = batch.Request.PathBase,
            Path = PathString.FromUriComponent($"/{ODataExtensions.RoutePrefix}/{path}"),
            QueryString = query,
            RawTarget = $"{batch.Request.PathBase}/{ODataExtensions.RoutePrefix}/{url}",
            Headers = CreateHeaders(batch, item),
            Body = body,
        });
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(response);
        features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(item.Body is { Length: > 0 }));
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            ConnectionId = batch.Connection.Id,
            RemoteIpAddress = batch.Connection.RemoteIpAddress,
            RemotePort = batch.Connection.RemotePort,
            LocalIpAddress = batch.Connection.LocalIpAddress,
            LocalPort = batch.Connection.LocalPort,
        });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellationToken });
        features.Set<IServiceProvidersFeature>(new ServiceProvidersFeature { RequestServices = services });
        features.Set(new BatchItemFeature(item.Id, RequestIds.Of(batch).RequestId));
        return features;
    }

    private static IHeaderDictionary CreateHeaders(HttpContext batch, BatchRequestItem item)
    {
        IHeaderDictionary headers = new HeaderDictionary();
        foreach (var (name, value) in item.Headers)
        {
            headers[name] = value;
        }

        headers.Host = batch.Request.Host.Value;
        if (!headers.ContainsKey(HeaderNames.Authorization) && batch.Request.Headers.Authorization.Count > 0)
        {
            headers.Authorization = batch.Request.Headers.Authorization;
        }

        if (!headers.ContainsKey(RequestIds.ClientRequestIdHeader))
        {
            headers[RequestIds.ClientRequestIdHeader] = RequestIds.Of(batch).ClientRequestId;
        }

        headers.ContentLength = item.Body?.Length;
        return headers;
    }

    /// <summary>Creates the 424 response of an item whose dependency failed; the item never reaches the pipeline.</summary>
    public static BatchResponseItem FailedDependency(HttpContext batch, BatchRequestItem item, BatchResponseItem failed)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(failed);

        var error = new GraphError(
            StatusCodes.Status424FailedDependency,
            GraphErrorCodes.ForStatus(StatusCodes.Status424FailedDependency),
            $"Request '{item.Id}' was not run because request '{failed.Id}', which it depends on, failed with status {failed.Status}.");
        return Synthesized(batch, item, error);
    }

    /// <summary>Creates the error response of an item that GraphLite rejects without running it.</summary>
    public static BatchResponseItem Synthesized(HttpContext batch, BatchRequestItem item, GraphError error)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(error);

        var ids = new RequestIds(Guid.NewGuid().ToString(), RequestIds.Of(batch).ClientRequestId);
        var body = GraphErrorWriter.Serialize(error, ids, DateTime.UtcNow);
        return new BatchResponseItem(item.Id, error.StatusCode,
        [
            new(HeaderNames.ContentType, GraphErrorWriter.ContentType),
            new(RequestIds.RequestIdHeader, ids.RequestId),
            new(RequestIds.ClientRequestIdHeader, ids.ClientRequestId),
        ], body);
    }

    private sealed class BodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody { get; } = canHaveBody;
    }
}
