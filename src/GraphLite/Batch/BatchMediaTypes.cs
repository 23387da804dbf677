using Microsoft.Net.Http.Headers;

namespace GraphLite.Batch;

/// <summary>How a body travels inside a JSON batch: JSON as JSON, text as a string, anything else as base64.</summary>
public static class BatchMediaTypes
{
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || parsed.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    public static bool IsText(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.Type.Equals("text", StringComparison.OrdinalIgnoreCase);
}
