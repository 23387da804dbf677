using GraphLite.Errors;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace GraphLite.Model;

/// <summary>
/// Limits that make a string read back unchanged from every store. PostgreSQL rejects U+0000 in text, the UTF-8
/// that SQLite and PostgreSQL store has no encoding for an unpaired surrogate, and a PostgreSQL B-tree index
/// entry must stay under 2,704 bytes, which 512 UTF-16 code units never exceed in UTF-8.
/// </summary>
public static class StorableStrings
{
    public const int MaxIdLength = 512;

    /// <summary>Returns false for a key that no entity can have, so a lookup can answer "not found" without a query.</summary>
    public static bool IsStorableKey(string? id) => id is { Length: > 0 and <= MaxIdLength } && Problem(id) is null;

    /// <summary>Checks every string property of an entity read from a request body.</summary>
    public static GraphError? Validate(Entity entity, IEdmStructuredType edmType, IEdmModel model)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(edmType);

        if (entity.Id?.Length > MaxIdLength)
        {
            return GraphError.BadRequest($"The 'id' property is {entity.Id.Length} characters long; the maximum is {MaxIdLength}.");
        }

        foreach (var property in edmType.StructuralProperties())
        {
            var clrProperty = model.GetAnnotationValue<ClrPropertyInfoAnnotation>(property).ClrPropertyInfo;
            if (clrProperty.GetValue(entity) is string value && Problem(value) is { } problem)
            {
                return GraphError.BadRequest($"The '{property.Name}' property contains {problem}, which GraphLite cannot store.");
            }
        }

        return null;
    }

    /// <summary>Describes the first character that a store cannot keep, or returns null.</summary>
    private static string? Problem(string value)
    {
        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (character == '\0')
            {
                return "the character U+0000";
            }

            if (char.IsHighSurrogate(character) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(character))
            {
                return $"the unpaired surrogate U+{(int)character:X4}";
            }
        }

        return null;
    }
}
