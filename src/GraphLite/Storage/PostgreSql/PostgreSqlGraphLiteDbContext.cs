using GraphLite.Model;
using Microsoft.EntityFrameworkCore;

namespace GraphLite.Storage.PostgreSql;

/// <summary>The context on PostgreSQL; its migrations are under <c>Storage/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlGraphLiteDbContext(DbContextOptions<PostgreSqlGraphLiteDbContext> options) : GraphLiteDbContext(options)
{
    /// <summary>The collation of every text column: byte order of UTF-8, which is code point order.</summary>
    public const string TextCollation = "C";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Under the "C" collation strings compare exactly and sort by code point, whatever locale the database was
        // created with, as under SQLite's BINARY collation, so $orderby and keyset paging see the same order on
        // both. The in-memory store sorts by UTF-16 code unit, which agrees except between characters above U+FFFF
        // and those from U+E000 to U+FFFF. The price: lower() and upper() change only ASCII letters under "C", as
        // they do on SQLite.
        var entityTypes = modelBuilder.Model.GetEntityTypes().Where(type => typeof(Entity).IsAssignableFrom(type.ClrType));
        foreach (var property in entityTypes.SelectMany(type => type.GetDeclaredProperties()).Where(property => property.ClrType == typeof(string)))
        {
            property.SetCollation(TextCollation);
        }
    }
}
