using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphLite.Http;

namespace GraphLite.Errors;

/// <summary>
/// Writes Graph's error envelope:
/// <c>{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}</c>.
/// </summary>
public static class GraphErrorWriter
{
    public const string ContentType = "application/json";

    // Graph writes quotes and non-ASCII letters as they are, not as \u escapes.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, GraphError error)
    {
        var response = context.Response;
        response.StatusCode = error.StatusCode;
        response.ContentType = ContentType;

        var body = Serialize(error, RequestIds.Of(context), DateTime.UtcNow);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Serializes the envelope. Graph writes <c>innerError.date</c> in UTC without fraction or zone.</summary>
    public static byte[] Serialize(GraphError error, RequestIds ids, DateTime utcNow)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteStartObject("innerError");
            writer.WriteString("date", utcNow.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            writer.WriteString("request-id", ids.RequestId);
            writer.WriteString("client-request-id", ids.ClientRequestId);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
