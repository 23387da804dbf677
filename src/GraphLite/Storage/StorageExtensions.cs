using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GraphLite.Storage;

/// <summary>
/// Registers the store. The default is EF Core's in-memory provider, one database per application instance.
/// </summary>
public static class StorageExtensions
{
    public static IServiceCollection AddGraphStorage(this IServiceCollection services)
    {
        var databaseRoot = new InMemoryDatabaseRoot();
        services.AddDbContext<GraphLiteDbContext>(options => options.UseInMemoryDatabase("GraphLite", databaseRoot));
        services.AddScoped(typeof(IEntityStore<>), typeof(EntityFrameworkStore<>));
        return services;
    }
}
