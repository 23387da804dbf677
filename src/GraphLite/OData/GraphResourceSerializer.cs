using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.AspNetCore.OData.Formatter.Serialization;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace GraphLite.OData;

/// <summary>
/// Writes <c>@odata.type</c> on every entity, as Graph's communications workload does.
/// </summary>
/// <remarks>
/// In minimal metadata AspNetCore.OData leaves the annotation out when the instance type equals the entity set's
/// type. The Graph SDKs need it to pick the derived type; without it they return the base <c>entity</c>.
/// Under <c>odata.metadata=none</c> no control information is written at all.
/// </remarks>
public sealed class GraphResourceSerializer(IODataSerializerProvider serializerProvider) : ODataResourceSerializer(serializerProvider)
{
    public override ODataResource CreateResource(SelectExpandNode selectExpandNode, ResourceContext resourceContext)
    {
        ArgumentNullException.ThrowIfNull(resourceContext);

        var resource = base.CreateResource(selectExpandNode, resourceContext);
        if (resource is not null && resourceContext.SerializerContext.MetadataLevel != ODataMetadataLevel.None)
        {
            resource.TypeAnnotation = new ODataTypeAnnotation(resourceContext.StructuredType.FullTypeName());
        }

        return resource!;
    }
}
