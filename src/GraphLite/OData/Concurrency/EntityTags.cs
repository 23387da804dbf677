using System.Globalization;
using GraphLite.Model;
using Microsoft.Net.Http.Headers;

namespace GraphLite.OData.Concurrency;

/// <summary>
/// Makes an entity's ETag from its row version: <c>W/"7"</c> for <see cref="Entity.RowVersion"/> 7.
/// </summary>
/// <remarks>
/// The tag is weak, as the ETags of Graph's Outlook and Planner workloads are, because it names a version of the
/// entity rather than the bytes of one representation. GraphLite still accepts it in <c>If-Match</c>, comparing
/// the opaque tags without the <c>W/</c> prefix, as OData services do.
/// </remarks>
public static class EntityTags
{
    public static string Format(long rowVersion) => $"W/\"{rowVersion.ToString(CultureInfo.InvariantCulture)}\"";

    public static EntityTagHeaderValue Parse(long rowVersion) => new($"\"{rowVersion.ToString(CultureInfo.InvariantCulture)}\"", isWeak: true);

    /// <summary>Sets the response's <c>ETag</c> header to the entity's current tag.</summary>
    public static void SetHeader(HttpResponse response, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(entity);

        response.Headers.ETag = Format(entity.RowVersion);
    }
}
