using GraphLite.Model;
using GraphLite.OData.Concurrency;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.AspNetCore.OData.Formatter.Serialization;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace GraphLite.OData;

/// <summary>
/// Writes <c>@odata.type</c> on every entity, as Graph's communications workload does, and <c>@odata.etag</c>
/// from the entity's row version, as Graph's Outlook and Planner workloads do.
/// </summary>
/// <remarks>
/// In minimal metadata AspNetCore.OData leaves the type annotation out when the instance type equals the entity
/// set's type. The Graph SDKs need it to pick the derived type; without it they return the base <c>entity</c>.
/// <c>@odata.etag</c> appears under minimal and full metadata, so a client can send it in <c>If-Match</c>
/// without reading each entity again. Under <c>odata.metadata=none</c> neither is written.
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
            if (TryGetRowVersion(resourceContext, out var rowVersion))
            {
                resource.ETag = EntityTags.Format(rowVersion);
            }
        }

        return resource!;
    }

    /// <summary>
    /// Finds the row version of the entity being written. Under <c>$select</c> the resource is a projection whose
    /// CLR instance AspNetCore.OData rebuilds without the version, so the version registered for its id comes first.
    /// </summary>
    private static bool TryGetRowVersion(ResourceContext resourceContext, out long rowVersion)
    {
        if (resourceContext.Request?.HttpContext is { } httpContext
            && resourceContext.EdmObject.TryGetPropertyValue("id", out var key)
            && key is string id
            && ResponseEntityTags.TryGetVersion(httpContext, id, out rowVersion))
        {
            return true;
        }

        rowVersion = resourceContext.ResourceInstance is Entity entity ? entity.RowVersion : 0;
        return resourceContext.ResourceInstance is Entity;
    }
}
