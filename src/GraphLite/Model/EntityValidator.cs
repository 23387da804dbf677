using GraphLite.Errors;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace GraphLite.Model;

/// <summary>
/// Checks an entity read from a request body against the rules of its EDM type that the OData reader leaves
/// to the service.
/// </summary>
/// <remarks>
/// The reader rejects an explicit null for a non-nullable property but accepts a body that leaves the property
/// out. Such an entity would be stored, and the writer would then fail halfway through the response.
/// </remarks>
public sealed class EntityValidator(IEdmModel model)
{
    public GraphError? ValidateForCreate(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (StorableStrings.Validate(entity, FindEdmType(entity.GetType()), model) is { } unstorable)
        {
            return unstorable;
        }

        if (entity.Id is { Length: 0 })
        {
            return GraphError.BadRequest("The 'id' property must not be empty. Leave it out to let GraphLite make one.");
        }

        return FindMissingProperty(entity, "create");
    }

    /// <summary>Checks the body of a PUT, which replaces every property and so must carry the required ones.</summary>
    public GraphError? ValidateForReplace(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return StorableStrings.Validate(entity, FindEdmType(entity.GetType()), model) ?? FindMissingProperty(entity, "replace");
    }

    /// <summary>
    /// Checks the values a PATCH sets, given as an entity that contains them, with null for every property the
    /// body leaves out.
    /// </summary>
    public GraphError? ValidateForPatch(Entity changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return StorableStrings.Validate(changes, FindEdmType(changes.GetType()), model);
    }

    private GraphError? FindMissingProperty(Entity entity, string operation)
    {
        var edmType = FindEdmType(entity.GetType());
        foreach (var property in edmType.StructuralProperties().Where(property => !property.Type.IsNullable))
        {
            if (edmType.Key().Contains(property))
            {
                continue;
            }

            var clrProperty = model.GetAnnotationValue<ClrPropertyInfoAnnotation>(property).ClrPropertyInfo;
            if (clrProperty.GetValue(entity) is null)
            {
                return GraphError.BadRequest($"The '{property.Name}' property is required to {operation} a {edmType.Name}.");
            }
        }

        return null;
    }

    private IEdmEntityType FindEdmType(Type clrType) =>
        model.SchemaElements.OfType<IEdmEntityType>()
            .Single(edmType => model.GetAnnotationValue<ClrTypeAnnotation>(edmType)?.ClrType == clrType);
}
