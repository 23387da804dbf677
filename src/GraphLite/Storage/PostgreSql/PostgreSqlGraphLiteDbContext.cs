using GraphLite.Model;
using Microsoft.EntityFrameworkCore;

namespace GraphLite.Storage.PostgreSql;

/// <summary>The context on PostgreSQL; its migrations are under <c>Storage/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlGraphLiteDbContext(DbContextOptions<PostgreSqlGraphLiteDbContext> options) : GraphLiteDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Under the "C" collation keys compare exactly and sort by code point, whatever locale the database was
        // created with, as under SQLite's BINARY collation. The in-memory store sorts by UTF-16 code unit, which
        // agrees except between characters above U+FFFF and those from U+E000 to U+FFFF.
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(type => type.BaseType is null && typeof(Entity).IsAssignableFrom(type.ClrType)))
        {
            modelBuilder.Entity(entityType.ClrType).Property(nameof(Entity.Id)).UseCollation("C");
        }
    }
}
