using GraphLite.Model;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GraphLite.Storage;

/// <summary>The storage shape every entity type shares: the key and the concurrency token.</summary>
public static class EntityConfiguration
{
    public static EntityTypeBuilder<TEntity> ConfigureEntity<TEntity>(this EntityTypeBuilder<TEntity> builder)
        where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.HasKey(entity => entity.Id);
        builder.Property(entity => entity.RowVersion).IsConcurrencyToken();
        return builder;
    }
}
