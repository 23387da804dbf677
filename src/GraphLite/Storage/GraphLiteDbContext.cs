using GraphLite.Model;
using Microsoft.EntityFrameworkCore;

namespace GraphLite.Storage;

/// <summary>
/// The EF Core context of every entity set. Each feature folder configures its own entity type; each provider
/// has its own subclass, so that each relational provider keeps its own set of migrations.
/// </summary>
public abstract class GraphLiteDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>
    /// Finds an entity by its key with an index lookup, and tracks it. Returns null when no entity has the key.
    /// </summary>
    /// <remarks>A key that no store can hold, such as one with U+0000, is not looked up: PostgreSQL would reject it.</remarks>
    public virtual async ValueTask<TEntity?> FindEntityAsync<TEntity>(string id, CancellationToken cancellationToken)
        where TEntity : Entity
    {
        if (!StorableStrings.IsStorableKey(id))
        {
            return null;
        }

        return Set<TEntity>().Local.FindEntry(id) is { } tracked
            ? tracked.Entity
            : await KeyQueries<TEntity>.Find(this, id, cancellationToken);
    }

    /// <summary>Returns whether an entity with the key is stored, with an index lookup.</summary>
    public virtual async Task<bool> ContainsKeyAsync<TEntity>(string id, CancellationToken cancellationToken)
        where TEntity : Entity =>
        StorableStrings.IsStorableKey(id) && await KeyQueries<TEntity>.Contains(this, id, cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GraphLiteDbContext).Assembly);
    }

    /// <summary>
    /// The lookups by key as compiled queries: EF Core translates each once, instead of looking the query up in its
    /// cache and extracting its parameters on every call, as <c>FindAsync</c> and <c>AnyAsync</c> do.
    /// </summary>
    private static class KeyQueries<TEntity>
        where TEntity : Entity
    {
        public static readonly Func<GraphLiteDbContext, string, CancellationToken, Task<TEntity?>> Find =
            EF.CompileAsyncQuery((GraphLiteDbContext context, string id, CancellationToken cancellationToken) =>
                context.Set<TEntity>().FirstOrDefault(entity => entity.Id == id));

        public static readonly Func<GraphLiteDbContext, string, CancellationToken, Task<bool>> Contains =
            EF.CompileAsyncQuery((GraphLiteDbContext context, string id, CancellationToken cancellationToken) =>
                context.Set<TEntity>().Any(entity => entity.Id == id));
    }
}
