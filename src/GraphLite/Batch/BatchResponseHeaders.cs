using GraphLite.Http;
using Microsoft.Net.Http.Headers;

namespace GraphLite.Batch;

/// <summary>
/// Selects the headers of a $batch item's response and spells their names as Graph writes them: <c>Content-Type</c>,
/// <c>OData-Version</c>, lower-case <c>request-id</c>. Some clients, the Graph JavaScript client among them, look
/// the names up case-sensitively.
/// </summary>
public static class BatchResponseHeaders
{
    private static readonly Dictionary<string, string> s_canonicalNames = new[]
    {
        HeaderNames.ContentType, "OData-Version", HeaderNames.Location, HeaderNames.RetryAfter, HeaderNames.WWWAuthenticate,
        HeaderNames.ETag, HeaderNames.CacheControl, "OData-EntityId", "Preference-Applied",
        RequestIds.RequestIdHeader, RequestIds.ClientRequestIdHeader,
    }.ToDictionary(name => name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Headers about the connection or the outer response, which have no meaning inside the batch body.</summary>
    private static readonly HashSet<string> s_dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Connection, HeaderNames.KeepAlive,
        HeaderNames.Date, HeaderNames.Server, HeaderNames.StrictTransportSecurity, GraphResponseHeadersMiddleware.DiagnosticHeader,
    };

    public static IReadOnlyList<KeyValuePair<string, string>> From(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);

        return headers
            .Where(header => !s_dropped.Contains(header.Key))
            .Select(header => new KeyValuePair<string, string>(
                s_canonicalNames.TryGetValue(header.Key, out var canonical) ? canonical : header.Key,
                header.Value.ToString()))
            .ToList();
    }
}
