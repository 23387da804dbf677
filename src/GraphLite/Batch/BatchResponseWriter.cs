using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GraphLite.Batch;

/// <summary>
/// Writes <c>{"responses":[{"id","status","headers","body"}]}</c>. A JSON body is embedded as JSON, a text body as a
/// string and any other body as base64. An empty body, as of a 204, is written as null.
/// </summary>
public static class BatchResponseWriter
{
    /// <summary>The Content-Type of the batch response, as Graph writes it for OData JSON.</summary>
    public const string ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, IReadOnlyList<BatchResponseItem> responses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(responses);

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentType;
        context.Response.Headers["OData-Version"] = "4.0";

        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, s_options);
        writer.WriteStartObject();
        writer.WriteStartArray("responses");
        foreach (var response in responses)
        {
            WriteResponse(writer, response);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
        await context.Response.BodyWriter.FlushAsync(cancellationToken);
    }

    private static void WriteResponse(Utf8JsonWriter writer, BatchResponseItem response)
    {
        writer.WriteStartObject();
        writer.WriteString("id", response.Id);
        writer.WriteNumber("status", response.Status);
        writer.WriteStartObject("headers");
        foreach (var (name, value) in response.Headers)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.WritePropertyName("body");
        if (response.Body.Length == 0)
        {
            writer.WriteNullValue();
        }
        else
        {
            WriteBody(writer, response);
        }

        writer.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter writer, BatchResponseItem response)
    {
        if (BatchMediaTypes.IsJson(response.ContentType))
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                document.RootElement.WriteTo(writer);
                return;
            }
            catch (JsonException)
            {
                // A body that claims JSON but does not parse is passed on as text below.
            }
        }

        if (BatchMediaTypes.IsJson(response.ContentType) || BatchMediaTypes.IsText(response.ContentType))
        {
            writer.WriteStringValue(Encoding.UTF8.GetString(response.Body));
            return;
        }

        writer.WriteBase64StringValue(response.Body);
    }
}
