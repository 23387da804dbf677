using GraphLite.Model;
using Microsoft.EntityFrameworkCore;

namespace GraphLite.Storage;

/// <summary>
/// An <see cref="IEntityStore{TEntity}"/> on EF Core, for any provider that GraphLite configures.
/// </summary>
/// <remarks>
/// Guarded writes rely on <see cref="Entity.RowVersion"/> being the EF concurrency token: EF adds
/// <c>WHERE RowVersion = @expected</c> to the UPDATE or DELETE and reports a lost race as
/// <see cref="DbUpdateConcurrencyException"/>.
/// </remarks>
public sealed class EntityFrameworkStore<TEntity>(GraphLiteDbContext context) : IEntityStore<TEntity>
    where TEntity : Entity
{
    public IQueryable<TEntity> Query() => context.Set<TEntity>().AsNoTracking();

    public bool RunsQueriesInProcess => !context.Database.IsRelational();

    public async Task<IReadOnlyList<TEntity>> ListAsync(IQueryable<TEntity> query, CancellationToken cancellationToken)
    {
        try
        {
            return await query.ToListAsync(cancellationToken);
        }
        catch (Exception exception) when (QueryFailures.Describe(exception) is { } reason)
        {
            throw new StoreQueryException(reason, exception);
        }
    }

    public async Task<long> CountAsync(IQueryable<TEntity> query, CancellationToken cancellationToken)
    {
        try
        {
            return await query.LongCountAsync(cancellationToken);
        }
        catch (Exception exception) when (QueryFailures.Describe(exception) is { } reason)
        {
            throw new StoreQueryException(reason, exception);
        }
    }

    public async Task<TEntity?> FindAsync(string id, CancellationToken cancellationToken) =>
        await context.FindEntityAsync<TEntity>(id, cancellationToken);

    public async Task<bool> TryAddAsync(TEntity entity, CancellationToken cancellationToken)
    {
        if (await context.ContainsKeyAsync<TEntity>(entity.Id, cancellationToken))
        {
            return false;
        }

        entity.RowVersion = 1;
        context.Add(entity);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is DbUpdateException or ArgumentException)
        {
            // A concurrent create took the id between the check and the save. The in-memory provider reports
            // that as ArgumentException, the relational ones as DbUpdateException.
            context.Entry(entity).State = EntityState.Detached;
            if (await context.ContainsKeyAsync<TEntity>(entity.Id, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    public Task<StoreWriteResult> TryUpdateAsync(TEntity entity, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);

        var entry = context.Entry(entity).State == EntityState.Detached ? context.Update(entity) : context.Entry(entity);
        entry.Property(stored => stored.RowVersion).OriginalValue = expectedVersion;
        entity.RowVersion = expectedVersion + 1;
        return SaveGuardedAsync(entity, cancellationToken);
    }

    public Task<StoreWriteResult> TryDeleteAsync(TEntity entity, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);

        var entry = context.Remove(entity);
        entry.Property(stored => stored.RowVersion).OriginalValue = expectedVersion;
        return SaveGuardedAsync(entity, cancellationToken);
    }

    private async Task<StoreWriteResult> SaveGuardedAsync(TEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return StoreWriteResult.Succeeded;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Forget the stale copy, so that the next FindAsync reads the stored row again.
            context.Entry(entity).State = EntityState.Detached;
            var exists = await context.ContainsKeyAsync<TEntity>(entity.Id, cancellationToken);
            return exists ? StoreWriteResult.VersionMismatch : StoreWriteResult.NotFound;
        }
    }
}
