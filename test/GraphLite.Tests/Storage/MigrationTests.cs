using GraphLite.Storage.PostgreSql;
using GraphLite.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphLite.Tests.Storage;

/// <summary>
/// Every schema change needs a migration for each relational provider; a model that has moved on from its last
/// migration would stop start-up.
/// </summary>
public sealed class MigrationTests
{
    [Test]
    public void SqliteMigrations_MatchModel()
    {
        using var context = new SqliteDesignTimeFactory().CreateDbContext(["--GraphLite:Storage:ConnectionString=Data Source=unused.db"]);

        context.Database.HasPendingModelChanges().Should().BeFalse(
            "the model changed: run dotnet ef migrations add NAME --project src/GraphLite --context SqliteGraphLiteDbContext --output-dir Storage/Migrations/Sqlite");
        context.Database.GetMigrations().Should().NotBeEmpty();
    }

    [Test]
    public void PostgreSqlMigrations_MatchModel()
    {
        using var context = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        context.Database.HasPendingModelChanges().Should().BeFalse(
            "the model changed: run dotnet ef migrations add NAME --project src/GraphLite --context PostgreSqlGraphLiteDbContext --output-dir Storage/Migrations/PostgreSql");
        context.Database.GetMigrations().Should().NotBeEmpty();
    }
}
