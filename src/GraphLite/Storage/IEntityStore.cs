using GraphLite.Model;

namespace GraphLite.Storage;

/// <summary>
/// Keeps the entities of one entity set. Every storage provider implements it with the same behaviour.
/// </summary>
/// <remarks>
/// Writes are guarded by <see cref="Entity.RowVersion"/>: an update or delete names the version it expects and
/// succeeds only when the stored row still has it, so of two writers that read the same version exactly one wins.
/// </remarks>
public interface IEntityStore<TEntity>
    where TEntity : Entity
{
    /// <summary>All entities, for OData queries to compose on. Run the composed query with ListAsync or CountAsync.</summary>
    IQueryable<TEntity> Query();

    /// <summary>
    /// Whether queries composed on <see cref="Query"/> run as .NET code in this process, as on the in-memory store,
    /// rather than as SQL. Such queries need the guards that SQL has built in, e.g. for a substring that starts
    /// after the end of the string, where .NET throws and SQL returns the empty string.
    /// </summary>
    bool RunsQueriesInProcess { get; }

    /// <summary>
    /// Runs a query composed on <see cref="Query"/> and returns its rows. Throws <see cref="StoreQueryException"/>
    /// when the query itself cannot run, e.g. because it divides by zero.
    /// </summary>
    Task<IReadOnlyList<TEntity>> ListAsync(IQueryable<TEntity> query, CancellationToken cancellationToken);

    /// <summary>Runs a query composed on <see cref="Query"/> and returns the number of its rows; throws as <see cref="ListAsync"/> does.</summary>
    Task<long> CountAsync(IQueryable<TEntity> query, CancellationToken cancellationToken);

    /// <summary>Finds an entity by its key for reading or changing it, or returns null.</summary>
    Task<TEntity?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a new entity with row version 1. Returns false, and stores nothing, when its id is already taken.
    /// </summary>
    Task<bool> TryAddAsync(TEntity entity, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the changed values of an entity returned by <see cref="FindAsync"/>, provided its stored row version is
    /// still <paramref name="expectedVersion"/>, and raises the row version by one.
    /// </summary>
    Task<StoreWriteResult> TryUpdateAsync(TEntity entity, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an entity returned by <see cref="FindAsync"/>, provided its stored row version is still
    /// <paramref name="expectedVersion"/>.
    /// </summary>
    Task<StoreWriteResult> TryDeleteAsync(TEntity entity, long expectedVersion, CancellationToken cancellationToken);
}

/// <summary>The outcome of a guarded update or delete.</summary>
public enum StoreWriteResult
{
    Succeeded,

    /// <summary>No entity with the key is stored any more.</summary>
    NotFound,

    /// <summary>The stored row has another version because another request wrote it after it was read.</summary>
    VersionMismatch,
}
