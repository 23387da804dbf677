using GraphLite.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GraphLite.Storage.InMemory;

/// <summary>
/// The context on EF Core's in-memory provider. It keeps <see cref="InMemoryKeyIndex"/> in step with every save,
/// and answers lookups by key from that index instead of the provider's table scan.
/// </summary>
/// <remarks>The index comes with the options (<see cref="InMemoryKeyIndexOptions.UseKeyIndex"/>), so contexts can be pooled.</remarks>
public sealed class InMemoryGraphLiteDbContext : GraphLiteDbContext
{
    private readonly DbContextOptions<InMemoryGraphLiteDbContext> _options;
    private readonly InMemoryKeyIndex _index;

    public InMemoryGraphLiteDbContext(DbContextOptions<InMemoryGraphLiteDbContext> options)
        : base(options)
    {
        _options = options;
        _index = options.FindExtension<InMemoryKeyIndexExtension>()?.Index
            ?? throw new InvalidOperationException("The in-memory context options have no key index. Add one with UseKeyIndex when building the options.");
    }

    public override ValueTask<TEntity?> FindEntityAsync<TEntity>(string id, CancellationToken cancellationToken)
        where TEntity : class
    {
        var set = Set<TEntity>();
        if (set.Local.FindEntry(id) is { } tracked)
        {
            return ValueTask.FromResult<TEntity?>(tracked.Entity);
        }

        if (_index.Find(set.EntityType, id) is not TEntity stored)
        {
            return ValueTask.FromResult<TEntity?>(null);
        }

        // Tracked as unchanged, exactly like an entity that a query returned.
        Attach(stored);
        return ValueTask.FromResult<TEntity?>(stored);
    }

    public override Task<bool> ContainsKeyAsync<TEntity>(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_index.Contains(Set<TEntity>().EntityType, id));

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        _index.WriteLock.Wait();
        try
        {
            var changes = PendingChanges();
            var saved = SaveOrReload(() => base.SaveChanges(acceptAllChangesOnSuccess), changes);
            UpdateIndex(changes);
            return saved;
        }
        finally
        {
            _index.WriteLock.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await _index.WriteLock.WaitAsync(cancellationToken);
        try
        {
            var changes = PendingChanges();
            int saved;
            try
            {
                saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (Exception) when (changes.Count > 1)
            {
                ReloadFromTable(changes);
                throw;
            }

            UpdateIndex(changes);
            return saved;
        }
        finally
        {
            _index.WriteLock.Release();
        }
    }

    private List<PendingChange> PendingChanges()
    {
        ChangeTracker.DetectChanges();
        return ChangeTracker.Entries()
            .Where(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(entry => new PendingChange(entry, entry.State, (Entity)entry.Entity))
            .ToList();
    }

    private int SaveOrReload(Func<int> save, List<PendingChange> changes)
    {
        try
        {
            return save();
        }
        catch (Exception) when (changes.Count > 1)
        {
            ReloadFromTable(changes);
            throw;
        }
    }

    private void UpdateIndex(List<PendingChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.State == EntityState.Deleted)
            {
                _index.Remove(change.Entry.Metadata, change.Entity.Id);
            }
            else
            {
                _index.Store(change.Entry.Metadata, change.Entity);
            }
        }
    }

    /// <summary>
    /// Reads the rows of a failed save back from the table. The in-memory provider writes the rows of one save
    /// one by one and stops at the first failure, so the rows before it are stored and must be indexed.
    /// </summary>
    private void ReloadFromTable(List<PendingChange> changes)
    {
        using var fresh = new InMemoryGraphLiteDbContext(_options);
        foreach (var change in changes)
        {
            // Find on a context that tracks nothing runs a query against the table.
            var row = (Entity?)fresh.Find(change.Entry.Metadata.ClrType, change.Entity.Id);
            if (row is null)
            {
                _index.Remove(change.Entry.Metadata, change.Entity.Id);
            }
            else
            {
                _index.Store(change.Entry.Metadata, row);
            }
        }
    }

    private sealed record PendingChange(EntityEntry Entry, EntityState State, Entity Entity);
}
