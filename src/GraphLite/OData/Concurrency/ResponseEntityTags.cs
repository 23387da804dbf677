using GraphLite.Model;

namespace GraphLite.OData.Concurrency;

/// <summary>
/// The row versions of the entities a response writes, by id, for the serializer to write <c>@odata.etag</c>
/// when <c>$select</c> has replaced the entities with projections that no longer carry the version.
/// </summary>
public sealed class ResponseEntityTags
{
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);

    public static void Register(HttpContext context, IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entities);

        var tags = context.Features.Get<ResponseEntityTags>();
        if (tags is null)
        {
            tags = new ResponseEntityTags();
            context.Features.Set(tags);
        }

        foreach (var entity in entities)
        {
            tags._versions[entity.Id] = entity.RowVersion;
        }
    }

    public static bool TryGetVersion(HttpContext context, string id, out long rowVersion)
    {
        ArgumentNullException.ThrowIfNull(context);

        rowVersion = 0;
        return context.Features.Get<ResponseEntityTags>() is { } tags && tags._versions.TryGetValue(id, out rowVersion);
    }
}
