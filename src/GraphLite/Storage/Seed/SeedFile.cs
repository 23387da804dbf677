using System.Text;
using System.Text.Json;
using GraphLite.Hosting;
using GraphLite.Model;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace GraphLite.Storage.Seed;

/// <summary>
/// Reads a seed file: a JSON array of entities, each in the shape of a create request's body (<c>id</c> allowed),
/// or an object whose <c>value</c> is such an array, as a list response has it. Each object passes through the
/// OData reader and <see cref="EntityValidator"/>, so it is accepted exactly when a POST of it would be.
/// </summary>
public sealed class SeedFile(IEdmModel model, EntityValidator validator)
{
    /// <summary>Reads every entity, or throws <see cref="StartupException"/> naming the file, the line and the reason.</summary>
    public IReadOnlyList<SeedItem> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var fullPath = System.IO.Path.GetFullPath(path);
        var bytes = ReadBytes(fullPath);
        var entitySet = model.EntityContainer.FindEntitySet(SeedOptions.EntitySetName);
        var items = new List<SeedItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(bytes);
            MoveToArray(ref reader, bytes, fullPath);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = LineOf(bytes, reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Failure(fullPath, line, $"each item must be a JSON object, not {reader.TokenType}.");
                }

                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var entity = ReadEntity(bytes.AsMemory(start, (int)reader.BytesConsumed - start), entitySet, fullPath, line);
                if (entity.Id is not null && !ids.Add(entity.Id))
                {
                    throw Failure(fullPath, line, $"another item of the file already has the id '{entity.Id}'.");
                }

                items.Add(new SeedItem(line, entity));
            }

            // Reads past the array, so that content after it fails as invalid JSON.
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            // The reader's message ends with its position, which the line number replaces, and may advise a reader
            // option that seed files do not offer.
            var reason = exception.Message.Split(" LineNumber:", 2)[0].Replace(" Change the reader options.", "", StringComparison.Ordinal).Trim();
            throw Failure(fullPath, (int)(exception.LineNumber ?? 0) + 1, $"invalid JSON: {reason}");
        }

        return items;
    }

    private static byte[] ReadBytes(string fullPath)
    {
        try
        {
            var bytes = File.ReadAllBytes(fullPath);
            var bom = Encoding.UTF8.Preamble;
            return bytes.AsSpan().StartsWith(bom) ? bytes[bom.Length..] : bytes;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"{SeedOptions.PathKey}: cannot read the seed file {fullPath}: {exception.Message}", exception);
        }
    }

    /// <summary>Moves the reader onto the array of items: the document itself, or the <c>value</c> property of an object.</summary>
    private static void MoveToArray(ref Utf8JsonReader reader, byte[] bytes, string fullPath)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                var line = LineOf(bytes, reader.TokenStartIndex);
                reader.Read();
                if (name == "value" && reader.TokenType == JsonTokenType.StartArray)
                {
                    return;
                }

                if (name is null || !name.StartsWith("@odata.", StringComparison.Ordinal))
                {
                    throw Failure(fullPath, line, $"unexpected property '{name}': a seed file contains an array of {SeedOptions.EntitySetName}, or an object whose 'value' is that array.");
                }

                reader.Skip();
            }
        }

        throw Failure(fullPath, LineOf(bytes, reader.TokenStartIndex), $"the file must contain an array of {SeedOptions.EntitySetName}, or an object whose 'value' is that array.");
    }

    private Entity ReadEntity(ReadOnlyMemory<byte> json, IEdmEntitySet entitySet, string fullPath, int line)
    {
        Entity entity;
        try
        {
            entity = ODataEntityReader.Read(model, entitySet, new SeedRequestMessage(json));
        }
        catch (ODataException exception)
        {
            throw Failure(fullPath, line, exception.Message);
        }

        var invalid = validator.ValidateForCreate(entity);
        if (invalid is not null)
        {
            throw Failure(fullPath, line, invalid.Message);
        }

        return entity;
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, long offset) => bytes[..(int)offset].Count((byte)'\n') + 1;

    private static StartupException Failure(string fullPath, int line, string reason) =>
        new($"{SeedOptions.PathKey}: {fullPath} line {line}: {reason}");
}
