using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.Extensions.Options;

namespace GraphLite.Formatting;

/// <summary>
/// Reads the body of a plain create (see <see cref="PlainRequest"/>) with <see cref="Utf8JsonReader"/> instead of
/// ODataLib's reader, which costs several times more CPU per request.
/// </summary>
/// <remarks>
/// It accepts only what ODataLib reads the same way: one JSON object, optionally <c>@odata.type</c> first with the
/// set's exact type, then each string property of the type at most once with a string value. Anything else (an
/// unknown or repeated property, another token type, a null, malformed JSON) goes to the next input formatter,
/// AspNetCore.OData's, with the same bytes, so its errors and messages stay as they are.
/// </remarks>
public sealed class EntityJsonInputFormatter : IInputFormatter
{
    /// <summary>Bodies up to this size are read here; larger ones stream through ODataLib's reader.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public bool CanRead(InputFormatterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var request = context.HttpContext.Request;
        return request.ContentLength is > 0 and <= MaxBodyBytes
            && PlainRequest.IsUtf8Json(request.ContentType)
            && PlainRequest.FindEntitySet(context.HttpContext, out var model) is { } entitySet
            && HttpMethods.IsPost(request.Method)
            && EntityJsonShape.Find(model!, context.ModelType) is { } shape
            && shape.EdmType == entitySet.EntityType;
    }

    public async Task<InputFormatterResult> ReadAsync(InputFormatterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var request = context.HttpContext.Request;
        var length = (int)request.ContentLength!.Value;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var read = await request.Body.ReadAtLeastAsync(buffer.AsMemory(0, length), length, throwOnEndOfStream: false, context.HttpContext.RequestAborted);
            var shape = EntityJsonShape.Find(context.HttpContext.ODataFeature().Model, context.ModelType)!;
            if (read == length && EntityJsonReader.TryRead(buffer.AsSpan(0, length), shape) is { } entity)
            {
                return InputFormatterResult.Success(entity);
            }

            request.Body = new MemoryStream(buffer.AsSpan(0, read).ToArray(), writable: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return await ReadWithNextFormatterAsync(context);
    }

    /// <summary>Hands the request to the formatter that MVC would have chosen without this one.</summary>
    private async Task<InputFormatterResult> ReadWithNextFormatterAsync(InputFormatterContext context)
    {
        var formatters = context.HttpContext.RequestServices.GetRequiredService<IOptions<MvcOptions>>().Value.InputFormatters;
        foreach (var formatter in formatters)
        {
            if (!ReferenceEquals(formatter, this) && formatter.CanRead(context))
            {
                return await formatter.ReadAsync(context);
            }
        }

        return await InputFormatterResult.FailureAsync();
    }
}
