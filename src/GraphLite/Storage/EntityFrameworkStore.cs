using GraphLite.Model;
using Microsoft.EntityFrameworkCore;

namespace GraphLite.Storage;

/// <summary>
/// An <see cref="IEntityStore{TEntity}"/> on EF Core, for any provider that GraphLite configures.
/// </summary>
public sealed class EntityFrameworkStore<TEntity>(GraphLiteDbContext context) : IEntityStore<TEntity>
    where TEntity : Entity
{
    public IQueryable<TEntity> Query() => context.Set<TEntity>().AsNoTracking();

    public async Task<TEntity?> FindAsync(string id, CancellationToken cancellationToken) =>
        await context.FindEntityAsync<TEntity>(id, cancellationToken);

    public async Task<bool> TryAddAsync(TEntity entity, CancellationToken cancellationToken)
    {
        if (await context.ContainsKeyAsync<TEntity>(entity.Id, cancellationToken))
        {
            return false;
        }

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
}
