using GraphLite.Model;
using Microsoft.EntityFrameworkCore;

namespace GraphLite.Storage.Seed;

/// <summary>Writes seed entities through the entity set's store, so they are created as a POST creates them.</summary>
internal interface ISeedInserter
{
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);

    /// <summary>Adds one entity; returns false when its id is taken.</summary>
    Task<bool> TryAddAsync(Entity entity, CancellationToken cancellationToken);
}

internal sealed class SeedInserter<TEntity>(IEntityStore<TEntity> store) : ISeedInserter
    where TEntity : Entity
{
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => !await store.Query().AnyAsync(cancellationToken);

    public Task<bool> TryAddAsync(Entity entity, CancellationToken cancellationToken) => store.TryAddAsync((TEntity)entity, cancellationToken);
}
