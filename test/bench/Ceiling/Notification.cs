using System.Text.Json.Serialization;

namespace GraphLite.Bench.Ceiling;

/// <summary>The create body and the stored row: the same JSON as GraphLite's participantLeftNotification.</summary>
internal sealed class Notification
{
    public const string ODataType = "#microsoft.graph.participantLeftNotification";

    /// <summary>The weak ETag of a row's first version, as GraphLite writes it; the ceiling never changes a row.</summary>
    public const string ETag = "W/\"1\"";

    [JsonPropertyName("@odata.type")]
    public string? Type { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("participantId")]
    public string? ParticipantId { get; set; }
}

/// <summary>One entity with its context URL and ETag, as GraphLite writes it.</summary>
internal sealed record EntityBody(
    [property: JsonPropertyName("@odata.context")] string Context,
    [property: JsonPropertyName("@odata.type")] string Type,
    [property: JsonPropertyName("@odata.etag")] string ETag,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("participantId")] string ParticipantId);

/// <summary>A collection item: the entity without a context URL.</summary>
internal sealed record ItemBody(
    [property: JsonPropertyName("@odata.type")] string Type,
    [property: JsonPropertyName("@odata.etag")] string ETag,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("participantId")] string ParticipantId);

/// <summary>A collection page.</summary>
internal sealed record CollectionBody(
    [property: JsonPropertyName("@odata.context")] string Context,
    [property: JsonPropertyName("value")] IReadOnlyList<ItemBody> Value);

/// <summary>A JSON batch request, as Graph's <c>$batch</c> reads it.</summary>
internal sealed record BatchRequest([property: JsonPropertyName("requests")] IReadOnlyList<BatchItem> Requests);

internal sealed record BatchItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("url")] string Url);

internal sealed record BatchResponse([property: JsonPropertyName("responses")] IReadOnlyList<BatchItemResponse> Responses);

internal sealed record BatchItemResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers,
    [property: JsonPropertyName("body")] ItemBody? Body);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Notification))]
[JsonSerializable(typeof(EntityBody))]
[JsonSerializable(typeof(CollectionBody))]
[JsonSerializable(typeof(BatchRequest))]
[JsonSerializable(typeof(BatchResponse))]
internal sealed partial class CeilingJsonContext : JsonSerializerContext;
