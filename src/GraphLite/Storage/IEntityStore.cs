using GraphLite.Model;

namespace GraphLite.Storage;

/// <summary>
/// Keeps the entities of one entity set. Every storage provider implements it with the same behaviour.
/// </summary>
public interface IEntityStore<TEntity>
    where TEntity : Entity
{
    /// <summary>All entities, for OData queries to compose on.</summary>
    IQueryable<TEntity> Query();

    /// <summary>Finds an entity by its key, or returns null.</summary>
    Task<TEntity?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds a new entity. Returns false, and stores nothing, when its id is already taken.</summary>
    Task<bool> TryAddAsync(TEntity entity, CancellationToken cancellationToken);
}
