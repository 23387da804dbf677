using System.Collections.Concurrent;
using GraphLite.Model;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GraphLite.Storage.InMemory;

/// <summary>
/// A hash index from key to a copy of each stored row, kept beside EF Core's in-memory database. EF Core's
/// in-memory provider answers every query, a lookup by key included, by scanning the table; this index answers
/// a lookup by key in constant time. One instance belongs to one in-memory database.
/// </summary>
/// <remarks>
/// Writes go through <see cref="InMemoryGraphLiteDbContext"/>, which holds <see cref="WriteLock"/> while it saves
/// and updates the index, so the index never misses a completed save. Reads take no lock.
/// </remarks>
public sealed class InMemoryKeyIndex : IDisposable
{
    private readonly ConcurrentDictionary<(Type RootType, string Id), Entity> _rows = new();

    /// <summary>Serializes the saves of all contexts on this database with the index updates that follow them.</summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public int Count => _rows.Count;

    /// <summary>Returns a new copy of the row stored under the key, or null.</summary>
    public Entity? Find(IEntityType entityType, string id) =>
        _rows.TryGetValue((RootType(entityType), id), out var row) ? Copy(entityType, row) : null;

    public bool Contains(IEntityType entityType, string id) => _rows.ContainsKey((RootType(entityType), id));

    /// <summary>Stores a copy of the entity's current values, so later changes to the tracked instance do not leak in.</summary>
    public void Store(IEntityType entityType, Entity entity) => _rows[(RootType(entityType), entity.Id)] = Copy(entityType, entity);

    public void Remove(IEntityType entityType, string id) => _rows.TryRemove((RootType(entityType), id), out _);

    public void Dispose() => WriteLock.Dispose();

    private static Type RootType(IEntityType entityType) => entityType.GetRootType().ClrType;

    /// <summary>Copies every mapped property through its CLR property; the entity types GraphLite maps have no shadow properties.</summary>
    private static Entity Copy(IEntityType entityType, Entity source)
    {
        var actualType = entityType.Model.FindEntityType(source.GetType()) ?? entityType;
        var copy = (Entity)Activator.CreateInstance(actualType.ClrType)!;
        foreach (var property in actualType.GetProperties())
        {
            var clrProperty = property.PropertyInfo
                ?? throw new NotSupportedException($"The in-memory key index cannot copy the shadow property '{actualType.DisplayName()}.{property.Name}'.");
            clrProperty.SetValue(copy, clrProperty.GetValue(source));
        }

        return copy;
    }
}
