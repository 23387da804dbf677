using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphLite.Model;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.OData.Formatter;

namespace GraphLite.Formatting;

/// <summary>
/// Writes the entity of a plain create or read by key (see <see cref="PlainRequest"/>) with
/// <see cref="Utf8JsonWriter"/>, byte for byte as AspNetCore.OData writes it in minimal metadata, without
/// ODataLib's writer and its per-request set-up.
/// </summary>
/// <remarks>
/// The body is <c>@odata.context</c>, <c>@odata.type</c> (as <c>GraphResourceSerializer</c> adds it), then every
/// property in the model's order with null written as null. Strings are escaped as ODataLib 8 escapes them
/// (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>). Any other result goes to AspNetCore.OData's writer.
/// </remarks>
public sealed class EntityJsonOutputFormatter : IOutputFormatter
{
    /// <summary>The Content-Type Graph sends with an entity.</summary>
    public const string ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private static readonly JsonEncodedText s_contextName = JsonEncodedText.Encode("@odata.context");
    private static readonly JsonEncodedText s_typeName = JsonEncodedText.Encode("@odata.type");
    /// <summary>Context URL prefixes by scheme, host and path base; bounded because clients choose the host.</summary>
    private const int MaxCachedPrefixes = 64;
    private static readonly ConcurrentDictionary<string, string> s_contextPrefixes = new(StringComparer.Ordinal);

    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public bool CanWriteResult(OutputFormatterCanWriteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        if (context.Object is not Entity entity
            || !PlainRequest.AcceptsMinimalJson(context.HttpContext.Request)
            || PlainRequest.FindEntitySet(context.HttpContext, out var model) is not { } entitySet
            || EntityJsonShape.Find(model!, entity.GetType()) is not { } shape
            || shape.EdmType != entitySet.EntityType)
        {
            return false;
        }

        // ODataLib fails on a null in a non-nullable property; leave that failure to it.
        if (shape.Properties.Any(property => !property.IsNullable && property.Get(entity) is null))
        {
            return false;
        }

        context.ContentType = ContentType;
        context.ContentTypeIsServerDefined = true;
        return true;
    }

    public async Task WriteAsync(OutputFormatterWriteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var httpContext = context.HttpContext;
        var entity = context.Object!;
        var entitySet = PlainRequest.FindEntitySet(httpContext, out var model)!;
        var shape = EntityJsonShape.Find(model!, entity.GetType())!;
        var response = httpContext.Response;
        response.ContentType = ContentType;
        response.Headers["OData-Version"] = "4.0";

        var contextUrl = ContextPrefix(httpContext.Request) + entitySet.Name + "/$entity";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(s_contextName, contextUrl);
            writer.WriteString(s_typeName, shape.TypeAnnotation);
            foreach (var property in shape.Properties)
            {
                if (property.Get(entity) is { } value)
                {
                    writer.WriteString(property.EncodedName, value);
                }
                else
                {
                    writer.WriteNull(property.EncodedName);
                }
            }

            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>
    /// Returns <c>{service root}$metadata#</c> as AspNetCore.OData builds it, from the request's scheme, host and
    /// path base. Building it takes a link generation per request, so it is kept per origin.
    /// </summary>
    private static string ContextPrefix(HttpRequest request)
    {
        var origin = request.Scheme + "://" + request.Host.Value + request.PathBase.Value;
        if (s_contextPrefixes.TryGetValue(origin, out var prefix))
        {
            return prefix;
        }

        prefix = new Uri(ODataOutputFormatter.GetDefaultBaseAddress(request), "$metadata").AbsoluteUri + "#";
        if (s_contextPrefixes.Count < MaxCachedPrefixes)
        {
            s_contextPrefixes.TryAdd(origin, prefix);
        }

        return prefix;
    }
}
