namespace GraphLite.Errors;

/// <summary>
/// The <c>error.code</c> values GraphLite sends. Graph's workloads disagree on codes, so each one here is the
/// code a Graph workload sends for the same failure.
/// </summary>
public static class GraphErrorCodes
{
    /// <summary>Unknown URL segment, invalid version, missing or invalid property value (Graph gateway).</summary>
    public const string BadRequest = "BadRequest";

    /// <summary>A request body that the OData reader rejects (Outlook and most OData-based workloads).</summary>
    public const string RequestBodyRead = "RequestBodyRead";

    /// <summary>A key that matches no entity (directory workload).</summary>
    public const string ResourceNotFound = "Request_ResourceNotFound";

    /// <summary>An HTTP method the URL does not support (as in Graph's JSON batching samples).</summary>
    public const string MethodNotAllowed = "Request_BadRequest";

    /// <summary>A create whose client-chosen id is already taken.</summary>
    public const string ConflictingObjects = "conflictingObjects";

    /// <summary>
    /// An <c>If-Match</c> or <c>If-None-Match</c> precondition that does not hold, usually a stale ETag (Graph's
    /// basic error code for "the resource has changed since the caller last read it").
    /// </summary>
    public const string ResourceModified = "resourceModified";

    /// <summary>A request body in a media type other than JSON.</summary>
    public const string UnsupportedMediaType = "UnsupportedMediaType";

    /// <summary>A failure inside GraphLite; the details go to the log, never to the client.</summary>
    public const string GeneralException = "generalException";

    /// <summary>A missing, malformed, expired or otherwise invalid bearer token (401).</summary>
    public const string InvalidAuthenticationToken = "InvalidAuthenticationToken";

    /// <summary>A valid token that lacks the permission the request needs (403, directory workload).</summary>
    public const string AuthorizationRequestDenied = "Authorization_RequestDenied";

    /// <summary>A request over the rate limit (429).</summary>
    public const string TooManyRequests = "TooManyRequests";

    /// <summary>A request body over the size limit (413). Like the other limit codes, the HttpStatusCode name.</summary>
    public const string RequestEntityTooLarge = "RequestEntityTooLarge";

    /// <summary>A request URL over the length limit (414).</summary>
    public const string RequestUriTooLong = "RequestUriTooLong";

    /// <summary>Request headers over the size or count limit (431).</summary>
    public const string RequestHeaderFieldsTooLarge = "RequestHeaderFieldsTooLarge";

    /// <summary>A request whose headers or body arrived too slowly (408).</summary>
    public const string RequestTimeout = "RequestTimeout";

    /// <summary>The code for a status that has no more specific code: the reason phrase in camelCase.</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status404NotFound => ResourceNotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status408RequestTimeout => RequestTimeout,
        StatusCodes.Status412PreconditionFailed => ResourceModified,
        StatusCodes.Status413PayloadTooLarge => RequestEntityTooLarge,
        StatusCodes.Status414UriTooLong => RequestUriTooLong,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status431RequestHeaderFieldsTooLarge => RequestHeaderFieldsTooLarge,
        >= 500 => GeneralException,
        _ => CamelCase(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)),
    };

    private static string CamelCase(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return BadRequest;
        }

        return string.Concat(words.Select((word, index) => index == 0 ? word.ToLowerInvariant() : char.ToUpperInvariant(word[0]) + word[1..]));
    }
}
