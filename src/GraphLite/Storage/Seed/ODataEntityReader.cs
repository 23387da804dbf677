using GraphLite.Model;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace GraphLite.Storage.Seed;

/// <summary>
/// Reads one entity from a JSON request body with the OData reader, which applies the same rules as for a POST
/// body: known properties only, JSON types that match the EDM types, a concrete <c>@odata.type</c> of the set.
/// </summary>
internal static class ODataEntityReader
{
    /// <summary>Reads the entity and maps it onto its CLR class; throws <see cref="ODataException"/> for invalid input.</summary>
    public static Entity Read(IEdmModel model, IEdmEntitySet entitySet, IODataRequestMessage message)
    {
        using var messageReader = new ODataMessageReader(message, new ODataMessageReaderSettings(), model);
        var reader = messageReader.CreateODataResourceReader(entitySet, entitySet.EntityType);

        ODataResource? resource = null;
        var depth = 0;
        while (reader.Read())
        {
            switch (reader.State)
            {
                case ODataReaderState.ResourceStart:
                    depth++;
                    break;
                case ODataReaderState.ResourceEnd:
                    depth--;
                    resource = depth == 0 ? (ODataResource)reader.Item : resource;
                    break;
                case ODataReaderState.NestedResourceInfoStart when depth == 1:
                    // TODO: seed files cannot carry complex, collection or navigation properties; the entity types
                    // GraphLite serves today have only primitive ones.
                    throw new ODataException($"The property '{((ODataNestedResourceInfo)reader.Item).Name}' is not a primitive property; seed files support primitive properties only.");
            }
        }

        return resource is null
            ? throw new ODataException("The item contains no entity.")
            : ToClr(model, resource);
    }

    private static Entity ToClr(IEdmModel model, ODataResource resource)
    {
        var edmType = (IEdmEntityType)model.FindDeclaredType(resource.TypeName);
        var clrType = model.GetAnnotationValue<ClrTypeAnnotation>(edmType).ClrType;
        var entity = (Entity)Activator.CreateInstance(clrType)!;

        foreach (var property in resource.Properties.OfType<ODataProperty>())
        {
            var edmProperty = edmType.FindProperty(property.Name);
            var clrProperty = model.GetAnnotationValue<ClrPropertyInfoAnnotation>(edmProperty).ClrPropertyInfo;
            if (property.Value is not null && !clrProperty.PropertyType.IsInstanceOfType(property.Value)
                && Nullable.GetUnderlyingType(clrProperty.PropertyType)?.IsInstanceOfType(property.Value) != true)
            {
                throw new ODataException($"The property '{property.Name}' has a value of type {edmProperty.Type.FullName()}, which seed files do not support.");
            }

            clrProperty.SetValue(entity, property.Value);
        }

        return entity;
    }
}
