using System.Text.Json;

namespace GraphLite.Formatting;

/// <summary>Reads a create body of the form <see cref="EntityJsonInputFormatter"/> accepts.</summary>
internal static class EntityJsonReader
{
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 2 };

    /// <summary>Returns the entity the body describes, or null when ODataLib's reader should read it instead.</summary>
    public static object? TryRead(ReadOnlySpan<byte> json, EntityJsonShape shape)
    {
        try
        {
            return Read(json, shape);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Malformed JSON or an invalid string; ODataLib's reader writes the message for it.
            return null;
        }
    }

    private static object? Read(ReadOnlySpan<byte> json, EntityJsonShape shape)
    {
        var reader = new Utf8JsonReader(json, s_options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var entity = shape.CreateInstance();
        var seen = new bool[shape.Properties.Count];
        var first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return null;
            }

            // ODataLib takes @odata.type only before the properties.
            if (first && reader.ValueTextEquals("@odata.type"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(shape.TypeAnnotation))
                {
                    return null;
                }

                first = false;
                continue;
            }

            first = false;
            var index = FindProperty(ref reader, shape);
            if (index < 0 || seen[index] || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            seen[index] = true;
            shape.Properties[index].Set(entity, reader.GetString()!);
        }

        // The loop ends at the object's end, or early at a token ODataLib has to judge.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return null;
        }

        return entity;
    }

    private static int FindProperty(ref Utf8JsonReader reader, EntityJsonShape shape)
    {
        for (var index = 0; index < shape.Properties.Count; index++)
        {
            if (reader.ValueTextEquals(shape.Properties[index].Name))
            {
                return index;
            }
        }

        return -1;
    }
}
