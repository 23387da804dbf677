using GraphLite.Errors;
using GraphLite.Model;
using Microsoft.AspNetCore.OData.Deltas;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace GraphLite.OData.Writes;

/// <summary>
/// Applies the body of a PATCH (the properties it names) or a PUT (every property) to a stored entity.
/// </summary>
/// <remarks>
/// The key cannot change: a body whose <c>id</c> differs from the key in the URL is a 400, the same <c>id</c> is
/// accepted and ignored. The OData reader has already rejected undeclared properties and <c>null</c> for a
/// non-nullable property.
/// </remarks>
public sealed class EntityChanges(IEdmModel model, EntityValidator validator)
{
    public GraphError? CheckPatch<TEntity>(string key, Delta<TEntity> delta)
        where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(delta);

        var keyError = delta.GetChangedPropertyNames().Contains(nameof(Entity.Id))
            && delta.TryGetPropertyValue(nameof(Entity.Id), out var id)
            ? CheckKey(key, id as string)
            : null;

        // The delta's instance contains the values the body sets, and null for the properties it leaves out.
        return keyError ?? validator.ValidateForPatch(delta.GetInstance());
    }

    public static void ApplyPatch<TEntity>(Delta<TEntity> delta, TEntity target)
        where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(target);

        var key = target.Id;
        delta.Patch(target);
        target.Id = key;
    }

    public GraphError? CheckReplacement<TEntity>(string key, TEntity replacement)
        where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(replacement);

        return (replacement.Id is null ? null : CheckKey(key, replacement.Id)) ?? validator.ValidateForReplace(replacement);
    }

    /// <summary>Copies every declared property but the key, so that a property the body leaves out is reset.</summary>
    public void ApplyReplacement<TEntity>(TEntity replacement, TEntity target)
        where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(replacement);
        ArgumentNullException.ThrowIfNull(target);

        var edmType = model.SchemaElements.OfType<IEdmEntityType>()
            .Single(type => model.GetAnnotationValue<ClrTypeAnnotation>(type)?.ClrType == typeof(TEntity));
        foreach (var property in edmType.StructuralProperties().Where(property => !edmType.Key().Contains(property)))
        {
            var clrProperty = model.GetAnnotationValue<ClrPropertyInfoAnnotation>(property).ClrPropertyInfo;
            clrProperty.SetValue(target, clrProperty.GetValue(replacement));
        }
    }

    private static GraphError? CheckKey(string key, string? id) => string.Equals(key, id, StringComparison.Ordinal)
        ? null
        : GraphError.BadRequest($"The 'id' property is the key and cannot be changed: the URL names '{key}', the body '{id}'.");
}
