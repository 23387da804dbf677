using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Routing.Conventions;
using Microsoft.AspNetCore.OData.Routing.Template;
using Microsoft.OData.Edm;

namespace GraphLite.OData;

/// <summary>
/// Routes <c>GET ~/{entitySet}/{key}/{property}</c> and <c>GET ~/{entitySet}/{key}/{property}/$value</c> for every
/// structural property of the set's entity type to one action named <c>GetProperty</c>.
/// </summary>
/// <remarks>
/// AspNetCore.OData's own property convention wants one action per property (<c>GetParticipantId</c>), which a
/// generic <see cref="EntitySetController{TEntity}"/> cannot declare. The action reads the property from the
/// OData path.
/// </remarks>
public sealed class EntityPropertyRoutingConvention : IODataControllerActionConvention
{
    public const string ActionName = "GetProperty";

    // After AspNetCore.OData's PropertyRoutingConvention (400), so that a dedicated action would win.
    public int Order => 450;

    public bool AppliesToController(ODataControllerActionContext context) => context?.EntitySet is not null;

    public bool AppliesToAction(ODataControllerActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Action.ActionMethod.Name != ActionName || context.EntitySet is not { } entitySet)
        {
            return false;
        }

        var entityType = entitySet.EntityType;
        var keyTemplate = new KeySegmentTemplate(
            entityType.Key().ToDictionary(key => key.Name, _ => "{key}"), entityType, entitySet);
        foreach (var property in entityType.StructuralProperties())
        {
            var segments = new List<ODataSegmentTemplate> { new EntitySetSegmentTemplate(entitySet), keyTemplate, new PropertySegmentTemplate(property) };
            context.Action.AddSelector("Get", context.Prefix, context.Model, new ODataPathTemplate(segments));

            if (property.Type.IsPrimitive() || property.Type.IsEnum())
            {
                segments.Add(new ValueSegmentTemplate(property.Type.Definition));
                context.Action.AddSelector("Get", context.Prefix, context.Model, new ODataPathTemplate(segments));
            }
        }

        return true;
    }
}
