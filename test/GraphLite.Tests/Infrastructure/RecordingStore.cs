using System.Collections.Concurrent;
using GraphLite.Model;
using GraphLite.Storage;

namespace GraphLite.Tests.Infrastructure;

/// <summary>A store that passes every call on and records the LINQ expression of every list query it runs.</summary>
public sealed class RecordingStore<TEntity>(IEntityStore<TEntity> inner, ConcurrentQueue<string> listQueries) : IEntityStore<TEntity>
    where TEntity : Entity
{
    public IQueryable<TEntity> Query() => inner.Query();

    public bool RunsQueriesInProcess => inner.RunsQueriesInProcess;

    public Task<IReadOnlyList<TEntity>> ListAsync(IQueryable<TEntity> query, CancellationToken cancellationToken)
    {
        listQueries.Enqueue(query.Expression.ToString());
        return inner.ListAsync(query, cancellationToken);
    }

    public Task<long> CountAsync(IQueryable<TEntity> query, CancellationToken cancellationToken) => inner.CountAsync(query, cancellationToken);

    public Task<TEntity?> FindAsync(string id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

    public Task<bool> TryAddAsync(TEntity entity, CancellationToken cancellationToken) => inner.TryAddAsync(entity, cancellationToken);

    public Task<StoreWriteResult> TryUpdateAsync(TEntity entity, long expectedVersion, CancellationToken cancellationToken) =>
        inner.TryUpdateAsync(entity, expectedVersion, cancellationToken);

    public Task<StoreWriteResult> TryDeleteAsync(TEntity entity, long expectedVersion, CancellationToken cancellationToken) =>
        inner.TryDeleteAsync(entity, expectedVersion, cancellationToken);
}
