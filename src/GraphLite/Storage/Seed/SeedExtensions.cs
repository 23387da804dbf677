namespace GraphLite.Storage.Seed;

/// <summary>Registers the seed file loader that <see cref="StorageInitializer"/> runs at start-up.</summary>
public static class SeedExtensions
{
    public static IServiceCollection AddGraphSeed(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
        services.AddSingleton<SeedFile>();
        services.AddScoped<SeedLoader>();
        return services;
    }
}
