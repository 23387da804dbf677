using Microsoft.EntityFrameworkCore;

namespace GraphLite.Storage;

/// <summary>
/// The EF Core context of every entity set. Each feature folder configures its own entity type.
/// </summary>
public sealed class GraphLiteDbContext(DbContextOptions<GraphLiteDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GraphLiteDbContext).Assembly);
    }
}
