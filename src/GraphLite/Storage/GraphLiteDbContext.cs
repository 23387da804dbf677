using System.Collections.Concurrent;
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
    /// <remarks>
    /// A compiled query serves one model only, and each provider's context has its own model, so the queries are
    /// kept per context type.
    /// </remarks>
    private sealed class KeyQueries<TEntity>
        where TEntity : Entity
    {
        private static readonly ConcurrentDictionary<Type, KeyQueries<TEntity>> s_byContextType = new();

        private readonly Func<GraphLiteDbContext, string, CancellationToken, Task<TEntity?>> _find =
            EF.CompileAsyncQuery((GraphLiteDbContext context, string id, CancellationToken cancellationToken) =>
                context.Set<TEntity>().FirstOrDefault(entity => entity.Id == id));

        private readonly Func<GraphLiteDbContext, string, CancellationToken, Task<bool>> _contains =
            EF.CompileAsyncQuery((GraphLiteDbContext context, string id, CancellationToken cancellationToken) =>
                context.Set<TEntity>().Any(entity => entity.Id == id));

        public static Task<TEntity?> Find(GraphLiteDbContext context, string id, CancellationToken cancellationToken) =>
            For(context)._find(context, id, cancellationToken);

        public static Task<bool> Contains(GraphLiteDbContext context, string id, CancellationToken cancellationToken) =>
            For(context)._contains(context, id, cancellationToken);

        private static KeyQueries<TEntity> For(GraphLiteDbContext context) =>
            s_byContextType.GetOrAdd(context.GetType(), static _ => new KeyQueries<TEntity>());
    }
}
