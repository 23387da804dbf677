using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GraphLite.Storage.Sqlite;

/// <summary>Creates the SQLite context for <c>dotnet ef ... --context SqliteGraphLiteDbContext</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGraphLiteDbContext>
{
    public SqliteGraphLiteDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteGraphLiteDbContext>()
        .UseSqlite(DesignTimeConnection.For(StorageProvider.Sqlite, args))
        .Options);
}
