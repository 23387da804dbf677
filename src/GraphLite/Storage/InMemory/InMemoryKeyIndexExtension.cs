using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GraphLite.Storage.InMemory;

/// <summary>
/// Carries the <see cref="InMemoryKeyIndex"/> of an in-memory database in the context's options, so that a pooled
/// <see cref="InMemoryGraphLiteDbContext"/>, which EF Core creates from its options alone, finds its index.
/// </summary>
public sealed class InMemoryKeyIndexExtension(InMemoryKeyIndex index) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public InMemoryKeyIndex Index { get; } = index;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <summary>The index adds no services to EF Core's internal service provider.</summary>
    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "KeyIndex ";

        // Every index shares one internal service provider: the index is read from the options, not from services.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}

/// <summary>Adds an <see cref="InMemoryKeyIndex"/> to the options of an <see cref="InMemoryGraphLiteDbContext"/>.</summary>
public static class InMemoryKeyIndexOptions
{
    public static TBuilder UseKeyIndex<TBuilder>(this TBuilder builder, InMemoryKeyIndex index)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new InMemoryKeyIndexExtension(index));
        return builder;
    }
}
