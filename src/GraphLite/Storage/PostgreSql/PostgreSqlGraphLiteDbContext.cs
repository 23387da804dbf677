using GraphLite.Model;
using Microsoft.EntityFrameworkCore;

namespace GraphLite.Storage.PostgreSql;

/// <summary>The context on PostgreSQL; its migrations are under <c>Storage/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlGraphLiteDbContext(DbContextOptions<PostgreSqlGraphLiteDbContext> options) : GraphLiteDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Keys compare and sort by code point under the "C" collation, as they do in SQLite (BINARY) and in the
        // in-memory store, whatever locale the database was created with. Keyset paging depends on that order.
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(type => type.BaseType is null && typeof(Entity).IsAssignableFrom(type.ClrType)))
        {
            modelBuilder.Entity(entityType.ClrType).Property(nameof(Entity.Id)).UseCollation("C");
        }
    }
}
