namespace GraphLite.Http;

/// <summary>
/// The ids Graph returns with every response: <c>request-id</c> is new for each request, and
/// <c>client-request-id</c> echoes the client's header or, when the client sent none, repeats the request-id.
/// </summary>
public sealed record RequestIds(string RequestId, string ClientRequestId)
{
    public const string RequestIdHeader = "request-id";
    public const string ClientRequestIdHeader = "client-request-id";

    /// <summary>Returns the ids of this request, creating them on first use.</summary>
    public static RequestIds Of(HttpContext context)
    {
        if (context.Features.Get<RequestIds>() is { } ids)
        {
            return ids;
        }

        var requestId = Guid.NewGuid().ToString();
        var sent = context.Request.Headers[ClientRequestIdHeader].ToString();
        ids = new RequestIds(requestId, string.IsNullOrWhiteSpace(sent) ? requestId : sent);
        context.Features.Set(ids);
        return ids;
    }
}
