using Microsoft.EntityFrameworkCore;

namespace GraphLite.Storage.Sqlite;

/// <summary>The context on SQLite; its migrations are under <c>Storage/Migrations/Sqlite</c>.</summary>
public sealed class SqliteGraphLiteDbContext(DbContextOptions<SqliteGraphLiteDbContext> options) : GraphLiteDbContext(options);
