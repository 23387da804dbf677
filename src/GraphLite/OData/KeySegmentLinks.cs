using Microsoft.AspNetCore.OData.Edm;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.OData.Edm;

namespace GraphLite.OData;

/// <summary>
/// Makes the links AspNetCore.OData writes for an entity (<c>Location</c>, <c>OData-EntityId</c>,
/// <c>@odata.id</c>, <c>@odata.editLink</c>) put the key in a path segment, as Graph does:
/// <c>/v1.0/participantLeftNotifications/{id}</c> rather than <c>/v1.0/participantLeftNotifications('{id}')</c>.
/// </summary>
public static class KeySegmentLinks
{
    public static void Apply(IEdmModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        foreach (var entitySet in model.EntityContainer.EntitySets())
        {
            var setName = entitySet.Name;
            var annotation = new NavigationSourceLinkBuilderAnnotation
            {
                IdLinkBuilder = new SelfLinkBuilder<Uri>(context => BuildLink(context, setName), followsConventions: true),
            };
            model.SetNavigationSourceLinkBuilder(entitySet, annotation);
        }
    }

    /// <summary>Builds the absolute URL of one entity from the scheme and host of the current request.</summary>
    public static Uri BuildLink(ResourceContext context, string entitySetName)
    {
        ArgumentNullException.ThrowIfNull(context);

        var request = context.Request;
        var key = Convert.ToString(context.GetPropertyValue("id"), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        return new Uri($"{ServiceRoot.Text(request)}{entitySetName}/{Uri.EscapeDataString(key)}");
    }
}
