using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GraphLite.Storage.PostgreSql;

/// <summary>Creates the PostgreSQL context for <c>dotnet ef ... --context PostgreSqlGraphLiteDbContext</c>.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlGraphLiteDbContext>
{
    public PostgreSqlGraphLiteDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgreSqlGraphLiteDbContext>()
        .UseNpgsql(DesignTimeConnection.For(StorageProvider.PostgreSQL, args))
        .Options);
}
