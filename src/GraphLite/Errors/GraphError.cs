namespace GraphLite.Errors;

/// <summary>
/// One error response: the HTTP status plus Graph's <c>error.code</c> and <c>error.message</c>.
/// </summary>
public sealed record GraphError(int StatusCode, string Code, string Message)
{
    public static GraphError BadRequest(string message) => new(StatusCodes.Status400BadRequest, GraphErrorCodes.BadRequest, message);

    public static GraphError BodyRead(string message) => new(StatusCodes.Status400BadRequest, GraphErrorCodes.RequestBodyRead, message);

    public static GraphError NotFound(string id) => new(
        StatusCodes.Status404NotFound,
        GraphErrorCodes.ResourceNotFound,
        $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    public static GraphError Conflict(string id) => new(
        StatusCodes.Status409Conflict,
        GraphErrorCodes.ConflictingObjects,
        $"Another object with the same value for property id already exists: '{id}'.");

    public static GraphError PreconditionFailed(string id) => new(
        StatusCodes.Status412PreconditionFailed,
        GraphErrorCodes.ResourceModified,
        $"The ETag in If-Match or If-None-Match does not match the current version of '{id}'. Read the entity again and retry with its current ETag.");

    public static GraphError MethodNotAllowed() => new(
        StatusCodes.Status405MethodNotAllowed,
        GraphErrorCodes.MethodNotAllowed,
        "Specified HTTP method is not allowed for the request target.");

    public static GraphError UnsupportedMediaType(string? contentType) => new(
        StatusCodes.Status415UnsupportedMediaType,
        GraphErrorCodes.UnsupportedMediaType,
        string.IsNullOrEmpty(contentType)
            ? "The request has a body but no Content-Type header. Send the body as 'application/json'."
            : $"The content type '{contentType}' is not supported. Send the body as 'application/json'.");

    public static GraphError Internal() => new(
        StatusCodes.Status500InternalServerError,
        GraphErrorCodes.GeneralException,
        "An internal server error occurred. Quote the request-id when reporting it.");
}
