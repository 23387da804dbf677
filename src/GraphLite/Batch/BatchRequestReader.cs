using System.Text;
using System.Text.Json;
using GraphLite.Errors;
using Microsoft.Net.Http.Headers;

namespace GraphLite.Batch;

/// <summary>
/// Reads the body of <c>POST /v1.0/$batch</c>: <c>{"requests":[{"id","method","url","headers"?,"body"?,"dependsOn"?}]}</c>.
/// A body that breaks a rule of Graph's JSON batching is a 400 for the whole batch.
/// </summary>
/// <remarks>
/// A body is JSON when the item's Content-Type is JSON; for a text/* media type it is a string, and for any
/// other media type a base64 string, as the OData JSON batch format defines.
/// </remarks>
public static class BatchRequestReader
{
    /// <summary>Graph's limit on the requests in one batch.</summary>
    public const int MaxRequests = 20;

    private static readonly HashSet<string> s_methods = new(StringComparer.OrdinalIgnoreCase) { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD" };

    public static async Task<(IReadOnlyList<BatchRequestItem>? Items, GraphError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (request.ContentLength == 0)
        {
            return (null, GraphError.BadRequest("Empty Payload. JSON content expected."));
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, GraphError.UnsupportedMediaType(request.ContentType));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException exception)
        {
            return (null, GraphError.BadRequest($"The batch request body is not valid JSON: {exception.Message}"));
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public static (IReadOnlyList<BatchRequestItem>? Items, GraphError? Error) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("requests", out var requests)
            || requests.ValueKind != JsonValueKind.Array)
        {
            return Fail("The batch request body must be a JSON object with a 'requests' array.");
        }

        var count = requests.GetArrayLength();
        if (count == 0)
        {
            return Fail($"The batch contains no requests. Send between 1 and {MaxRequests} requests.");
        }

        if (count > MaxRequests)
        {
            return Fail($"Number of requests inside batch exceeds the limit. A batch can contain at most {MaxRequests} requests; this one has {count}.");
        }

        var items = new List<BatchRequestItem>(count);
        var index = 0;
        foreach (var element in requests.EnumerateArray())
        {
            var (item, error) = ReadItem(element, index++);
            if (item is null)
            {
                return Fail(error!);
            }

            items.Add(item);
        }

        var dependencyError = BatchDependencies.Validate(items);
        return dependencyError is null ? (items, null) : Fail(dependencyError);
    }

    private static (BatchRequestItem? Item, string? Error) ReadItem(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, $"The request at index {index} is not a JSON object.");
        }

        var id = String(element, "id");
        if (string.IsNullOrEmpty(id))
        {
            return (null, $"The request at index {index} has no 'id'; every request in a batch needs a string id.");
        }

        if (id.Any(char.IsControl))
        {
            return (null, $"The id of the request at index {index} contains a control character.");
        }

        var method = String(element, "method");
        if (method is null || !s_methods.Contains(method))
        {
            return (null, $"Request '{id}' has the method '{method}'; use GET, POST, PUT, PATCH, DELETE or HEAD.");
        }

        var url = String(element, "url");
        if (string.IsNullOrWhiteSpace(url) || url.Contains("://", StringComparison.Ordinal))
        {
            return (null, $"The url of request '{id}' must be relative to /v1.0, such as /participantLeftNotifications; it is '{url}'.");
        }

        var (headers, headerError) = ReadHeaders(element, id);
        if (headers is null)
        {
            return (null, headerError);
        }

        var (body, bodyError) = ReadBody(element, id, headers);
        if (bodyError is not null)
        {
            return (null, bodyError);
        }

        var (dependsOn, dependsOnError) = ReadDependsOn(element, id);
        return dependsOn is null
            ? (null, dependsOnError)
            : (new BatchRequestItem(id, method.ToUpperInvariant(), url, headers, body, dependsOn), null);
    }

    private static (Dictionary<string, string>? Headers, string? Error) ReadHeaders(JsonElement element, string id)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!element.TryGetProperty("headers", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (headers, null);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return (null, $"The headers of request '{id}' must be a JSON object of header names and string values.");
        }

        foreach (var header in value.EnumerateObject())
        {
            if (header.Value.ValueKind != JsonValueKind.String)
            {
                return (null, $"The header '{header.Name}' of request '{id}' must have a string value.");
            }

            var headerValue = header.Value.GetString()!;
            if (header.Name.Length == 0 || header.Name.Any(char.IsControl) || headerValue.Any(character => character != '\t' && char.IsControl(character)))
            {
                // HTTP allows no control characters in header names, and none but tab in values; Kestrel rejects them too.
                return (null, $"The header '{header.Name}' of request '{id}' contains a control character or has no name.");
            }

            headers[header.Name] = headerValue;
        }

        return (headers, null);
    }

    private static (byte[]? Body, string? Error) ReadBody(JsonElement element, string id, Dictionary<string, string> headers)
    {
        if (!element.TryGetProperty("body", out var body) || body.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (!headers.TryGetValue(HeaderNames.ContentType, out var contentType) || string.IsNullOrWhiteSpace(contentType))
        {
            return (null, $"Write request with id '{id}' does not contain a Content-Type header.");
        }

        if (BatchMediaTypes.IsJson(contentType))
        {
            return (Encoding.UTF8.GetBytes(body.GetRawText()), null);
        }

        if (body.ValueKind != JsonValueKind.String)
        {
            return (null, $"The body of request '{id}' must be a string for the media type '{contentType}'.");
        }

        var text = body.GetString()!;
        if (BatchMediaTypes.IsText(contentType))
        {
            return (Encoding.UTF8.GetBytes(text), null);
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written)
            ? (buffer[..written], null)
            : (null, $"The body of request '{id}' must be base64 for the media type '{contentType}'.");
    }

    private static (IReadOnlyList<string>? DependsOn, string? Error) ReadDependsOn(JsonElement element, string id)
    {
        if (!element.TryGetProperty("dependsOn", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return ([], null);
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(entry => entry.ValueKind != JsonValueKind.String))
        {
            return (null, $"The dependsOn of request '{id}' must be an array of request ids.");
        }

        return (value.EnumerateArray().Select(entry => entry.GetString()!).ToList(), null);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static (IReadOnlyList<BatchRequestItem>? Items, GraphError? Error) Fail(string message) => (null, GraphError.BadRequest(message));
}
