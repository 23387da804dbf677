namespace GraphLite.Http;

/// <summary>
/// Adds the headers Graph puts on every response: request-id, client-request-id and Date, and writes OData
/// JSON Content-Types in Graph's spelling.
/// </summary>
public sealed class GraphResponseHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var ids = RequestIds.Of(context);
        context.Response.OnStarting(static state =>
        {
            var (response, ids) = ((HttpResponse, RequestIds))state;
            response.Headers[RequestIds.RequestIdHeader] = ids.RequestId;
            response.Headers[RequestIds.ClientRequestIdHeader] = ids.ClientRequestId;

            // Kestrel writes Date itself; the in-process test host does not.
            if (!response.Headers.ContainsKey("Date"))
            {
                response.Headers.Date = DateTimeOffset.UtcNow.ToString("R");
            }

            response.ContentType = ODataContentType.Normalize(response.ContentType);
            return Task.CompletedTask;
        }, (context.Response, ids));

        return next(context);
    }
}
