using System.Reflection;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace GraphLite.Model;

/// <summary>
/// Annotates EDM structured types and properties with their CLR types and properties.
/// </summary>
/// <remarks>
/// AspNetCore.OData serializes only types that carry these annotations. Without them it silently falls back
/// to plain JSON or fails after the response has started, so a missing mapping stops start-up instead.
/// The convention: EDM <c>participantLeftNotification</c> is the CLR class <c>ParticipantLeftNotification</c>,
/// and EDM property <c>participantId</c> is the CLR property <c>ParticipantId</c>.
/// </remarks>
internal static class ClrMapping
{
    private static readonly Dictionary<EdmPrimitiveTypeKind, Type> s_primitiveClrTypes = new()
    {
        [EdmPrimitiveTypeKind.String] = typeof(string),
        [EdmPrimitiveTypeKind.Boolean] = typeof(bool),
        [EdmPrimitiveTypeKind.Int32] = typeof(int),
        [EdmPrimitiveTypeKind.Int64] = typeof(long),
        [EdmPrimitiveTypeKind.Double] = typeof(double),
        [EdmPrimitiveTypeKind.Decimal] = typeof(decimal),
        [EdmPrimitiveTypeKind.Guid] = typeof(Guid),
        [EdmPrimitiveTypeKind.DateTimeOffset] = typeof(DateTimeOffset),
        [EdmPrimitiveTypeKind.Duration] = typeof(TimeSpan),
        [EdmPrimitiveTypeKind.Binary] = typeof(byte[]),
    };

    public static void Apply(IEdmModel model, Assembly assembly)
    {
        var candidates = assembly.GetTypes()
            .Where(type => type.IsClass && type.IsPublic)
            .ToLookup(type => type.Name, StringComparer.Ordinal);

        foreach (var edmType in model.SchemaElements.OfType<IEdmStructuredType>())
        {
            var clrType = FindClrType(edmType, candidates);
            model.SetAnnotationValue(edmType, new ClrTypeAnnotation(clrType));

            foreach (var property in edmType.DeclaredProperties)
            {
                var clrProperty = FindClrProperty(edmType, property, clrType);
                model.SetAnnotationValue(property, new ClrPropertyInfoAnnotation(clrProperty));
            }
        }
    }

    private static Type FindClrType(IEdmStructuredType edmType, ILookup<string, Type> candidates)
    {
        var edmName = ((IEdmSchemaType)edmType).FullName();
        var matches = candidates[ToPascalCase(((IEdmSchemaType)edmType).Name)].ToList();

        return matches.Count switch
        {
            1 => CheckAbstractness(edmType, edmName, matches[0]),
            0 => throw new InvalidOperationException(
                $"The EDM type '{edmName}' has no CLR class. Add a public class named '{ToPascalCase(((IEdmSchemaType)edmType).Name)}'."),
            _ => throw new InvalidOperationException(
                $"The EDM type '{edmName}' matches several CLR classes: {string.Join(", ", matches.Select(type => type.FullName))}."),
        };
    }

    private static Type CheckAbstractness(IEdmStructuredType edmType, string edmName, Type clrType)
    {
        if (!edmType.IsAbstract && clrType.IsAbstract)
        {
            throw new InvalidOperationException($"The EDM type '{edmName}' is not abstract, but its CLR class '{clrType.FullName}' is.");
        }

        return clrType;
    }

    private static PropertyInfo FindClrProperty(IEdmStructuredType edmType, IEdmProperty property, Type clrType)
    {
        var edmName = ((IEdmSchemaType)edmType).FullName();
        var clrProperty = clrType.GetProperty(ToPascalCase(property.Name), BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException(
                $"The EDM property '{edmName}/{property.Name}' has no CLR property '{clrType.Name}.{ToPascalCase(property.Name)}'.");

        if (property.Type.Definition is IEdmPrimitiveType primitive
            && s_primitiveClrTypes.TryGetValue(primitive.PrimitiveKind, out var expected)
            && Nullable.GetUnderlyingType(clrProperty.PropertyType) is var underlying
            && (underlying ?? clrProperty.PropertyType) != expected)
        {
            throw new InvalidOperationException(
                $"The EDM property '{edmName}/{property.Name}' is {primitive.FullName()}, but the CLR property '{clrType.Name}.{clrProperty.Name}' is {clrProperty.PropertyType.Name}; expected {expected.Name}.");
        }

        return clrProperty;
    }

    private static string ToPascalCase(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
